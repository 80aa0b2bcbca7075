// Runs sandboxed in the renderer's isolated world: the only module available is 'electron', which is
// why build-electron.mjs bundles this file (and what it imports) into one CommonJS file.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridgeClient } from './preload/bridgeClient';

// The page gets exactly the typed DelegateDeskBridge, never ipcRenderer or a generic "invoke(channel)".
contextBridge.exposeInMainWorld(
  'delegateDesk',
  createBridgeClient((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
