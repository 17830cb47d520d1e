// "Identify screens": a large number on each display for 3 s (desktop app).
import './identify.css';

const n = Number(new URLSearchParams(window.location.search).get('n')) || 0;
const target = document.getElementById('number');
if (target) target.textContent = String(n);
