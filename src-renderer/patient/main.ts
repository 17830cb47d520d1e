import { mount } from 'svelte';
import '../shared/slide-theme.css';
import { createClient } from '../api/select.js';
import PatientApp from './PatientApp.svelte';

const target = document.getElementById('app');
if (target) mount(PatientApp, { target, props: { client: createClient() } });
