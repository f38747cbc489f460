import { render } from 'preact';
import browser from 'webextension-polyfill';
import { createClockModel } from '../../src/models/clock-model';
import { createCompanionModel } from '../../src/models/companion-model';
import { createOptionsModel } from '../../src/models/options-model';
import { connectPagePort } from '../../src/port/page-port';
import { App } from './App';
import '../../src/components/style.css';

/** A name the signer lists this browser by until the Owner types another. */
function defaultDeviceName(userAgent: string): string {
  const browserName = /Firefox\//.test(userAgent) ? 'Firefox' : /Edg\//.test(userAgent) ? 'Edge' : 'Chrome';
  const os = /Windows/.test(userAgent) ? 'Windows' : /Mac OS X/.test(userAgent) ? 'macOS' : /Linux/.test(userAgent) ? 'Linux' : 'this computer';
  return `${browserName} on ${os}`;
}

function main(): void {
  const port = connectPagePort(browser.runtime);
  const companion = createCompanionModel(port);
  const options = createOptionsModel(port, companion.state);
  render(
    <App companion={companion} options={options} clock={createClockModel()} defaultDeviceName={defaultDeviceName(navigator.userAgent)} />,
    document.body,
  );
}

main();
