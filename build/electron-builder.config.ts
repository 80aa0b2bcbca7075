// electron-builder configuration: `npx electron-builder --config build/electron-builder.config.ts`
// (see docs/packaging.md for what it produces). electron-builder loads .ts configs through jiti, so this
// file and build/packaging/* are plain TypeScript, type-checked by build/tsconfig.json and tested beside it.
// Paths are relative to the project root (electron-builder's projectDir), not to this folder.
import type { Configuration } from 'electron-builder';
import { flipFusesAfterPack } from './packaging/flipFusesAfterPack';

/** 产品名称: the name people see (Start menu, desktop entry, installer, uninstall list). */
export const PRODUCT_NAME = '党代表履职工作台';

// Debian packages must name a maintainer. Placeholder until the congress office names a contact.
const MAINTAINER = 'DelegateDesk 项目组 <delegatedesk@example.invalid>';

// Installer file names: electron-builder macros (plain strings, not JS templates), all ASCII so the files
// survive USB sticks, mail gateways and old unzip tools. ${arch}: x64 for Windows; amd64/arm64 for deb
// (Debian's names, e.g. delegatedesk_0.1.0_amd64.deb); x86_64/arm64 for AppImage.
const SETUP_EXE_NAME = 'DelegateDesk-Setup-${version}-${arch}.${ext}';
const DEB_NAME = '${name}_${version}_${arch}.${ext}';
const APPIMAGE_NAME = 'DelegateDesk-${version}-${arch}.${ext}';

const config: Configuration = {
  appId: 'cn.delegatedesk.app',
  productName: PRODUCT_NAME,
  directories: { output: 'release', buildResources: 'build' },

  // Only the bundles: main + preload (esbuild, dist/electron) and the renderer (vite, dist/renderer).
  // No sources, tests, benchmarks or source maps (a source map embeds the sources).
  files: ['package.json', 'dist/electron/**/*', 'dist/renderer/**/*', '!**/*.map'],
  asar: true,
  // Everything the app runs is bundled, so node_modules (antd, echarts, exceljs, ...) must not be copied
  // in again. Resolving false tells electron-builder the dependencies are handled outside it: no
  // `npm rebuild`, no node_modules in app.asar. There are no native modules to rebuild.
  beforeBuild: async () => false,
  afterPack: flipFusesAfterPack,
  // Chromium UI strings (context menus, built-in dialogs): Chinese, plus en-US which Chromium falls back to.
  electronLanguages: ['zh-CN', 'en-US'],
  // desktopName makes Electron use "delegatedesk" as the Linux window class, so the dock/taskbar groups
  // the window under the installed launcher (a Chinese product name cannot be a window class).
  extraMetadata: { desktopName: 'delegatedesk.desktop' },
  // No auto-update server: never write latest.yml / upload anything.
  publish: null,

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icon.ico',
    // ASCII exe and install folder name (%LOCALAPPDATA%\Programs\DelegateDesk\DelegateDesk.exe);
    // shortcuts and the uninstall entry still show PRODUCT_NAME.
    executableName: 'DelegateDesk',
  },
  nsis: {
    // The assisted installer: lets the user (or the office's IT staff) pick the folder.
    oneClick: false,
    // Per user by default: delegates' office PCs often give them no administrator rights.
    perMachine: false,
    selectPerMachineByDefault: false,
    allowToChangeInstallationDirectory: true,
    installerLanguages: ['zh_CN'],
    language: '2052', // LCID of zh-CN: the installer's version information is Chinese too
    shortcutName: PRODUCT_NAME,
    uninstallDisplayName: PRODUCT_NAME,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    runAfterFinish: true,
    // Uninstalling must never delete a delegate's proposals and keys (they live in the data folder).
    deleteAppDataOnUninstall: false,
    // No auto-update, so no .blockmap beside the installer.
    differentialPackage: false,
    artifactName: SETUP_EXE_NAME,
  },

  linux: {
    // 统信 UOS and 银河麒麟 on x86 (x64) and ARM (arm64: Phytium/Kunpeng machines)
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ],
    executableName: 'delegatedesk',
    icon: 'build/icon.png',
    category: 'Office',
    maintainer: MAINTAINER,
    vendor: MAINTAINER,
    synopsis: '党代表履职工作台：代表建议与履职服务的离线桌面工具',
    description:
      '党代表履职工作台（DelegateDesk）帮助党代表起草和提交代表建议、记录履职活动，' +
      '帮助常任办登记、交办、督办和答复建议。数据保存在本机，可通过共享文件夹在多台电脑之间同步，无需联网。',
    syncDesktopName: true,
  },
  // deb keeps electron-builder's default Depends (GTK 3, NSS, libnotify, libsecret for the OS key store, ...),
  // which UOS and Kylin (both Debian/Ubuntu based) provide.
  deb: { artifactName: DEB_NAME, packageCategory: 'office', priority: 'optional' },
  appImage: { artifactName: APPIMAGE_NAME },
};

export default config;
