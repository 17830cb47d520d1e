import { mount } from 'svelte';
import '../shared/slide-theme.css';
import { createClient } from '../api/select.js';
import DoctorApp from './DoctorApp.svelte';

const target = document.getElementById('app');
if (target) mount(DoctorApp, { target, props: { client: createClient() } });
