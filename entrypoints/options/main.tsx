import browser from 'webextension-polyfill';
import { contextsFile, rules, vocabulary } from 'virtual:claimlens/rules';
import nlp from '../../src/engine/nlp.ts';
import { mountOptions } from '../../src/options/options-app.tsx';
import '../../src/ui/options.css';
import '../../src/ui/site-access.css';

mountOptions(document.getElementById('app')!, { browser, builtIn: rules, contextsFile, vocabulary, nlp, permissions: browser.permissions });
