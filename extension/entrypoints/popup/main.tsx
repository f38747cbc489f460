import { render } from 'preact';
import browser from 'webextension-polyfill';
import { createClockModel } from '../../src/models/clock-model';
import { createCompanionModel } from '../../src/models/companion-model';
import { connectPagePort } from '../../src/port/page-port';
import { App } from './App';
import '../../src/components/style.css';

function main(): void {
  const model = createCompanionModel(connectPagePort(browser.runtime));
  const clock = createClockModel();
  const openOptions = (): void => {
    void browser.runtime.openOptionsPage();
  };
  render(<App model={model} clock={clock} onOpenOptions={openOptions} />, document.body);
}

main();
