import path from 'node:path';
import type { BrowserWindow, Dialog, FileFilter } from 'electron';
import type { DialogPort } from '../ipc/handlers';

export interface ElectronDialogPorts {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  /** Dialogs are modal to this window when there is one */
  getWindow(): BrowserWindow | null;
  /** Where the save dialog starts (e.g. the user's Documents folder) */
  defaultDirectory(): string;
}

/** Native open/save/folder dialogs. Only the path the user picks reaches the handlers, never the renderer. */
export function createElectronDialogPort({ dialog, getWindow, defaultDirectory }: ElectronDialogPorts): DialogPort {
  return {
    async chooseOpenPath(request) {
      const options = {
        ...(request.title === undefined ? {} : { title: request.title }),
        filters: toFileFilters(request.filters),
        properties: ['openFile' as const],
      };
      const window = getWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSavePath(request) {
      const options = {
        ...(request.title === undefined ? {} : { title: request.title }),
        // defaultName is validated as a bare file name, so it cannot point outside this folder
        defaultPath: path.join(defaultDirectory(), request.defaultName),
        filters: toFileFilters(request.filters),
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const window = getWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseFolder(request) {
      const options = {
        title: request.title ?? '选择同步文件夹',
        // createDirectory: macOS only, lets the office make a fresh sync folder on a share or stick
        properties: ['openDirectory' as const, 'createDirectory' as const],
      };
      const window = getWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

function toFileFilters(filters: readonly { name: string; extensions: string[] }[]): FileFilter[] {
  return filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }));
}
