import { mount } from 'svelte';
import '../shared/slide-theme.css';
import { createClient } from '../api/select.js';
import { installWindowGuards } from '../shared/window-guards.js';
import PatientApp from './PatientApp.svelte';

installWindowGuards();
const target = document.getElementById('app');
if (target) mount(PatientApp, { target, props: { client: createClient() } });
