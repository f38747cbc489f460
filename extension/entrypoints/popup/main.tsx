import { render } from 'preact';
import browser from 'webextension-polyfill';
import { createConnectionModel } from '../../src/models/connection-model';
import { connectPopupPort } from '../../src/port/popup-port';
import { App } from './App';
import './style.css';

render(<App model={createConnectionModel(connectPopupPort(browser.runtime))} />, document.body);
