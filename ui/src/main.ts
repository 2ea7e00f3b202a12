import { mount } from 'svelte';
import './styles/tokens.css';
import './styles/base.css';
import './styles/print.css';
import App from './App.svelte';

// Wait (briefly) for the bundled font, so the first screen is not drawn in a
// fallback font — on a PC with no Japanese fonts that would be empty boxes.
const fontReady = document.fonts.load('1em "BIZ UDPGothic"', 'あ').catch(() => undefined);
const timeout = new Promise((resolve) => setTimeout(resolve, 2000));

Promise.race([fontReady, timeout]).then(() => {
  mount(App, { target: document.getElementById('app')! });
});
