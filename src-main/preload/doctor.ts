import { contextBridge, ipcRenderer } from 'electron';
import { exposeBridge } from './bridge.js';

exposeBridge('doctor', contextBridge, ipcRenderer);
