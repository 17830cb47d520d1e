import { mount } from 'svelte';
import '../shared/slide-theme.css';
import { createClient } from '../api/select.js';
import { installWindowGuards } from '../shared/window-guards.js';
import DoctorApp from './DoctorApp.svelte';

installWindowGuards();
const target = document.getElementById('app');
if (target) mount(DoctorApp, { target, props: { client: createClient() } });
