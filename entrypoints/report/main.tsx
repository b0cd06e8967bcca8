// Wiring only: which tab, then the container.
import browser from 'webextension-polyfill';
import { render } from 'preact';
import { ReportApp } from '../../src/popup/ReportApp.tsx';
import '../../src/ui/report.css';

const app = document.getElementById('app')!;
const tabId = Number(new URLSearchParams(location.search).get('tabId'));
if (Number.isInteger(tabId) && tabId > 0) render(<ReportApp browser={browser} tabId={tabId} print={() => window.print()} />, app);
else app.textContent = 'Open the report from the Claimlens popup: this page needs a tab to describe.';
