import { describe, expect, it } from 'vitest';
import { classifySender, LINKEDIN_ORIGIN, type ExtensionIdentity, type SenderFacts } from './senders';

const SELF_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OTHER_ID = 'zyxwvutsrqponmlkzyxwvutsrqponmlk';
const SELF_ORIGIN = `chrome-extension://${SELF_ID}`;
const OTHER_ORIGIN = `chrome-extension://${OTHER_ID}`;
const SELF: ExtensionIdentity = { id: SELF_ID, origin: SELF_ORIGIN };

// Node gives chrome-extension: URLs an opaque origin; senders.ts reads them like Chrome.
const PROFILE_URL = 'https://www.linkedin.com/in/jane-doe/';

/** A content script in the top frame of a LinkedIn tab, as Chrome describes it. */
const linkedInTopFrame: SenderFacts = {
  id: SELF_ID,
  url: PROFILE_URL,
  origin: LINKEDIN_ORIGIN,
  frameId: 0,
  tab: { id: 42, url: PROFILE_URL },
};

describe('classifySender', () => {
  it.each<{ label: string; sender: SenderFacts }>([
    {
      label: 'the popup',
      sender: { id: SELF_ID, url: `${SELF_ORIGIN}/popup.html`, origin: SELF_ORIGIN },
    },
    {
      label: 'the popup opened in a tab',
      sender: {
        id: SELF_ID,
        url: `${SELF_ORIGIN}/popup.html`,
        origin: SELF_ORIGIN,
        frameId: 0,
        tab: { id: 7, url: `${SELF_ORIGIN}/popup.html` },
      },
    },
    {
      label: 'the options page',
      sender: { id: SELF_ID, url: `${SELF_ORIGIN}/options.html#key`, origin: SELF_ORIGIN },
    },
    {
      label: 'an extension page on a browser that does not set origin',
      sender: { id: SELF_ID, url: `${SELF_ORIGIN}/popup.html` },
    },
  ])('trusts $label as an extension page', ({ sender }) => {
    expect(classifySender(sender, SELF)).toBe('extension-page');
  });

  it.each<{ label: string; sender: SenderFacts }>([
    { label: 'a content script in the top frame', sender: linkedInTopFrame },
    {
      label: 'a content script on a browser that does not set origin',
      sender: { ...linkedInTopFrame, origin: undefined },
    },
    {
      label: 'a content script on a feed page with a query',
      sender: {
        ...linkedInTopFrame,
        url: 'https://www.linkedin.com/feed/?trk=nav',
        tab: { id: 3, url: 'https://www.linkedin.com/feed/' },
      },
    },
  ])('trusts $label of a LinkedIn tab', ({ sender }) => {
    expect(classifySender(sender, SELF)).toBe('linkedin-tab');
  });

  it.each<{ label: string; sender: SenderFacts }>([
    {
      label: "another extension's page",
      sender: { id: OTHER_ID, url: `${OTHER_ORIGIN}/popup.html`, origin: OTHER_ORIGIN },
    },
    {
      label: "another extension's content script on LinkedIn",
      sender: { ...linkedInTopFrame, id: OTHER_ID },
    },
    {
      label: 'a sender without an id',
      sender: { url: `${SELF_ORIGIN}/popup.html`, origin: SELF_ORIGIN },
    },
    {
      label: 'a web page',
      sender: {
        id: SELF_ID,
        url: 'https://evil.example/',
        origin: 'https://evil.example',
        frameId: 0,
        tab: { id: 9, url: 'https://evil.example/' },
      },
    },
    { label: 'a LinkedIn subframe', sender: { ...linkedInTopFrame, frameId: 2 } },
    { label: 'a LinkedIn frame without a frameId', sender: { ...linkedInTopFrame, frameId: undefined } },
    {
      label: 'a look-alike host linkedin.com.evil.example',
      sender: {
        ...linkedInTopFrame,
        url: 'https://linkedin.com.evil.example/in/jane/',
        origin: 'https://linkedin.com.evil.example',
        tab: { id: 42, url: 'https://linkedin.com.evil.example/in/jane/' },
      },
    },
    {
      label: 'plain http LinkedIn',
      sender: {
        ...linkedInTopFrame,
        url: 'http://www.linkedin.com/in/jane/',
        origin: 'http://www.linkedin.com',
        tab: { id: 42, url: 'http://www.linkedin.com/in/jane/' },
      },
    },
    {
      label: 'a LinkedIn subdomain',
      sender: {
        ...linkedInTopFrame,
        url: 'https://business.linkedin.com/',
        origin: 'https://business.linkedin.com',
      },
    },
    {
      label: 'a non-LinkedIn tab',
      sender: {
        ...linkedInTopFrame,
        url: 'https://www.google.com/search?q=ssi',
        origin: 'https://www.google.com',
        tab: { id: 42, url: 'https://www.google.com/search?q=ssi' },
      },
    },
    {
      label: 'a LinkedIn origin whose document URL is elsewhere',
      sender: { ...linkedInTopFrame, url: 'https://evil.example/in/jane/' },
    },
    {
      label: 'a LinkedIn document URL with a foreign origin',
      sender: { ...linkedInTopFrame, origin: 'https://evil.example' },
    },
    { label: 'a LinkedIn frame without a tab', sender: { ...linkedInTopFrame, tab: undefined } },
    { label: 'a LinkedIn frame with tab id -1', sender: { ...linkedInTopFrame, tab: { id: -1 } } },
    {
      label: 'a chrome-extension URL of another id',
      sender: { id: SELF_ID, url: `${OTHER_ORIGIN}/popup.html`, origin: OTHER_ORIGIN },
    },
    {
      label: 'an extension URL with a web origin',
      sender: { id: SELF_ID, url: `${SELF_ORIGIN}/popup.html`, origin: 'https://evil.example' },
    },
    {
      label: 'an extension origin with a web URL',
      sender: { id: SELF_ID, url: 'https://evil.example/', origin: SELF_ORIGIN },
    },
    { label: 'a sender with neither url nor origin', sender: { id: SELF_ID } },
    { label: 'a sender with an unparsable url', sender: { id: SELF_ID, url: 'not a url' } },
  ])('refuses $label', ({ sender }) => {
    expect(classifySender(sender, SELF)).toBeNull();
  });
});
