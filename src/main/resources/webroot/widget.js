/*
 * Guichet — the chat widget a territory's site embeds with one tag:
 *
 *   <script src="https://HOST/widget.js" data-lang="fr" async></script>
 *
 * Optional attributes: data-title, data-privacy-url, data-primary (brand colour).
 * The host page may restyle it through CSS variables: --guichet-primary, --guichet-on-primary,
 * --guichet-bg, --guichet-text, --guichet-radius, --guichet-font.
 *
 * It talks to its server over a WebSocket (/ws/widget) and falls back to the HTTP API when the
 * socket cannot connect. The conversation's id and secret live in localStorage, so the
 * conversation survives reloads and is shared by the site's tabs.
 *
 * Security rule kept throughout: whatever comes from the server or the user is put in the page
 * as text (textContent), never as HTML.
 */
(function () {
  'use strict';

  // The tag may be pasted twice (CMS templates do that): one widget only.
  if (window.__guichetWidgetLoaded) {
    return;
  }
  window.__guichetWidgetLoaded = true;

  var STORAGE_KEY = 'guichet.conversation';
  var MAX_TEXT = 2000;
  var PING_EVERY_MS = 25000;
  var TYPING_SEND_EVERY_MS = 3000;
  var TYPING_SHOWN_MS = 8000;
  var POLL_EVERY_MS = 3000;
  var WS_PROBE_EVERY_MS = 30000;
  var FIRST_BACKOFF_MS = 1000;
  var MAX_BACKOFF_MS = 30000;
  var FAILURES_BEFORE_HTTP = 3;
  var HELLO_RETRY_MS = 60000;

  var STRINGS = {
    fr: {
      title: 'Valmoreau Métropole — Guichet',
      launcher: 'Discuter avec nous',
      unread: function (n) { return n === 1 ? '1 nouveau message' : n + ' nouveaux messages'; },
      close: 'Fermer la discussion',
      inputLabel: 'Votre message',
      placeholder: 'Écrivez votre message…',
      send: 'Envoyer',
      typing: { bot: "L'assistant écrit…", agent: 'Un conseiller écrit…' },
      status: {
        waiting_agent: "En attente d'un conseiller…",
        agent: 'Un conseiller vous répond',
        closed: 'Conversation terminée. Écrivez pour la reprendre.'
      },
      connecting: 'Connexion…',
      reconnecting: 'Reconnexion…',
      authors: { user: 'Vous', bot: 'Assistant', agent: 'Conseiller' },
      quickLabel: 'Réponses suggérées',
      cardsLabel: 'Pages utiles',
      rating: { label: 'Cette réponse vous a-t-elle aidé ?', up: 'Réponse utile', down: 'Réponse pas utile',
        thanks: 'Merci pour votre retour' },
      updatedOn: 'Mis à jour le ',
      newWindow: '(s’ouvre dans un nouvel onglet)',
      privacy: 'Vos messages sont conservés pour traiter votre demande. Ne partagez pas de données sensibles.',
      privacyLink: 'En savoir plus',
      greeting: "Bonjour ! Je suis l'assistant de Valmoreau Métropole. Je peux vous aider à préparer un séjour, un séminaire, une implantation ou une installation.",
      journeys: ['Passer un week-end', 'Organiser un séminaire', "S'implanter", "S'installer"],
      errors: {
        rate_limited: 'Vous écrivez un peu vite : patientez quelques secondes, puis réessayez.',
        rate_limited_new: 'Trop de nouvelles conversations ont été ouvertes depuis votre connexion. Réessayez dans une minute.',
        bad_message: 'Votre message est vide ou trop long (2000 caractères au plus).',
        too_long: 'Votre message est trop long : 2000 caractères au plus.',
        send_failed: "Votre message n'a pas pu être envoyé. Réessayez dans un instant.",
        offline: 'Pas de connexion pour le moment : votre message est gardé, renvoyez-le dans un instant.',
        generic: 'Un problème est survenu de notre côté. Réessayez dans un instant.'
      }
    },
    en: {
      title: 'Valmoreau Métropole — Guichet',
      launcher: 'Chat with us',
      unread: function (n) { return n === 1 ? '1 new message' : n + ' new messages'; },
      close: 'Close the chat',
      inputLabel: 'Your message',
      placeholder: 'Write your message…',
      send: 'Send',
      typing: { bot: 'The assistant is typing…', agent: 'An advisor is typing…' },
      status: {
        waiting_agent: 'Waiting for an advisor…',
        agent: 'An advisor is answering you',
        closed: 'This conversation has ended. Write to start again.'
      },
      connecting: 'Connecting…',
      reconnecting: 'Reconnecting…',
      authors: { user: 'You', bot: 'Assistant', agent: 'Advisor' },
      quickLabel: 'Suggested replies',
      cardsLabel: 'Useful pages',
      rating: { label: 'Did this answer help?', up: 'Useful answer', down: 'Not a useful answer',
        thanks: 'Thanks for your feedback' },
      updatedOn: 'Updated on ',
      newWindow: '(opens in a new tab)',
      privacy: 'Your messages are kept to handle your request. Please do not share sensitive data.',
      privacyLink: 'Learn more',
      greeting: "Hello! I'm the Valmoreau Métropole assistant. I can help you plan a stay, a seminar, a business setup or a move.",
      journeys: ['Spend a weekend', 'Organise a seminar', 'Set up a business', 'Move here'],
      errors: {
        rate_limited: "You're writing a little fast: wait a few seconds, then try again.",
        rate_limited_new: 'Too many new conversations were opened from your connection. Please try again in a minute.',
        bad_message: 'Your message is empty or too long (2000 characters at most).',
        too_long: 'Your message is too long: 2000 characters at most.',
        send_failed: 'Your message could not be sent. Please try again in a moment.',
        offline: 'No connection right now: your message is kept, send it again in a moment.',
        generic: 'Something went wrong on our side. Please try again in a moment.'
      }
    }
  };

  // ---------------------------------------------------------------------------------------------
  // Where we come from: the server is whoever served this script, not the page's host.

  /**
   * The script element that loaded us. document.currentScript is null for async scripts once
   * they run, so the tag is found by its src instead; the last match wins, being the newest.
   */
  function findOwnScript() {
    var scripts = document.getElementsByTagName('script');
    for (var i = scripts.length - 1; i >= 0; i--) {
      var src = scripts[i].getAttribute('src');
      if (!src) {
        continue;
      }
      try {
        if (new URL(src, document.baseURI).pathname.endsWith('/widget.js')) {
          return scripts[i];
        }
      } catch (e) {
        // A malformed src belongs to some other script: keep looking.
      }
    }
    return document.currentScript;
  }

  var script = findOwnScript();
  var scriptUrl = new URL(script && script.src ? script.src : '/widget.js', document.baseURI);
  var SERVER = scriptUrl.origin;
  var WS_URL = (scriptUrl.protocol === 'https:' ? 'wss://' : 'ws://') + scriptUrl.host + '/ws/widget';

  function attribute(name) {
    var value = script ? script.getAttribute(name) : null;
    return value && value.trim() ? value.trim() : null;
  }

  /** The site says which language it speaks; failing that, the visitor's browser, French first. */
  function pickLanguage() {
    var declared = (attribute('data-lang') || '').toLowerCase();
    if (declared === 'fr' || declared === 'en') {
      return declared;
    }
    var preferred = (navigator.languages && navigator.languages[0]) || navigator.language || 'fr';
    return /^en\b/i.test(preferred) ? 'en' : 'fr';
  }

  var LANG = pickLanguage();
  var T = STRINGS[LANG];
  var TITLE = attribute('data-title') || T.title;

  /** Only links the browser will treat as plain navigation: no javascript:, data: and the like. */
  function isSafeUrl(url) {
    return typeof url === 'string' && /^(https?:\/\/|\/)/i.test(url);
  }

  // ---------------------------------------------------------------------------------------------
  // Storage of the conversation. localStorage can throw (privacy modes, blocked storage): the
  // widget then still works, only without surviving a reload.

  function loadConversation() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || 'null');
      if (stored && typeof stored.id === 'string' && typeof stored.secret === 'string') {
        return { id: stored.id, secret: stored.secret };
      }
    } catch (e) {
      // Unreadable or corrupt: as if there were none.
    }
    return null;
  }

  function storeConversation(conversation) {
    try {
      var value = JSON.stringify({ id: conversation.id, secret: conversation.secret });
      // Rewriting the same value would wake the other tabs for nothing.
      if (window.localStorage.getItem(STORAGE_KEY) !== value) {
        window.localStorage.setItem(STORAGE_KEY, value);
      }
    } catch (e) {
      // Not persisted; this page keeps it in memory.
    }
  }

  function forgetConversation() {
    try {
      window.localStorage.removeItem(STORAGE_KEY);
    } catch (e) {
      // Nothing to forget then.
    }
  }

  // ---------------------------------------------------------------------------------------------
  // State.

  var state = {
    open: false,
    started: false,
    conversation: loadConversation(),
    mode: 'offline',          // ws | http | offline: the transport in use
    httpReachable: true,      // on HTTP, whether the last request reached the server
    everConnected: false,     // "Connexion…" the first time, "Reconnexion…" after
    status: 'bot',
    socket: null,
    welcomed: false,          // the current socket got its welcome: messages may go
    wsFailures: 0,
    backoff: FIRST_BACKOFF_MS,
    reconnectTimer: null,
    probeTimer: null,
    pollTimer: null,
    pingTimer: null,
    helloTimer: null,
    typingTimer: null,
    lastTypingSent: 0,
    liveTimer: null,
    shownCount: 0,            // server messages on screen: the HTTP poll renders those beyond
    httpInFlight: 0,
    syncChain: Promise.resolve(),
    unread: 0,
    quick: null,              // the one quick-replies set on screen
    draft: null,              // the line of an answer a model is still writing, replaced by the answer
    // Pending lines the server will still hear of (queued for the first connection, or on their
    // way over HTTP): a transcript re-render must leave them in place, not hand them back.
    inFlight: new WeakSet()
  };

  // ---------------------------------------------------------------------------------------------
  // DOM helpers.

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  var SVG_NS = 'http://www.w3.org/2000/svg';

  /** A decorative icon; built node by node, so no markup string ever reaches the page. */
  function icon(className, paths) {
    var svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', className);
    paths.forEach(function (d) {
      var path = document.createElementNS(SVG_NS, 'path');
      path.setAttribute('d', d);
      svg.appendChild(path);
    });
    return svg;
  }

  var ICON_CHAT = ['M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z'];
  var ICON_CLOSE = ['M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z'];
  var ICON_SEND = ['M3 20.5 21 12 3 3.5 3 10l12 2-12 2z'];
  // Drawn, not emoji: a machine without an emoji font would show empty boxes.
  var ICON_THUMB_UP = ['M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 '
    + '7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z'];
  var ICON_THUMB_DOWN = ['M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 '
    + '4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2zm4 0v12h4V3h-4z'];

  // ---------------------------------------------------------------------------------------------
  // Style. Every rule is scoped under #guichet-root so the host page's rules and ours don't
  // collide; the root resets what it would otherwise inherit from the host page. Colours go
  // through private variables whose defaults give way to the host's --guichet-* variables.

  var CSS = [
    '#guichet-root{all:initial;',
    '--g-primary:var(--guichet-primary,#0b5e7a);--g-on-primary:var(--guichet-on-primary,#fff);',
    '--g-bg:var(--guichet-bg,#fff);--g-text:var(--guichet-text,#1f2933);--g-radius:var(--guichet-radius,14px);',
    '--g-font:var(--guichet-font,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif);',
    '--g-muted:#5b6770;--g-soft:#eef2f5;--g-line:#d5dde3;',
    'font-family:var(--g-font);font-size:15px;line-height:1.45;color:var(--g-text);}',
    '#guichet-root *,#guichet-root *::before,#guichet-root *::after{box-sizing:border-box;margin:0;padding:0;',
    'font:inherit;color:inherit;letter-spacing:normal;text-transform:none;text-align:left;border:0;background:none;',
    'float:none;width:auto;height:auto;max-width:none;min-width:0;box-shadow:none;text-decoration:none;}',
    '#guichet-root [hidden]{display:none!important;}',
    '#guichet-root :focus{outline:none;}',
    '#guichet-root :focus-visible{outline:3px solid var(--g-primary);outline-offset:2px;}',
    '#guichet-root .guichet-sr{position:absolute!important;width:1px!important;height:1px!important;overflow:hidden;',
    'clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;}',
    '#guichet-root svg{display:block;fill:currentColor;}',

    // Launcher: a round button bottom-right, with its unread badge.
    '#guichet-launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:60px;height:60px;',
    'border-radius:50%;background:var(--g-primary);color:var(--g-on-primary);cursor:pointer;display:flex;',
    'align-items:center;justify-content:center;box-shadow:0 6px 20px rgba(0,0,0,.25);transition:transform .15s;}',
    '#guichet-launcher:hover{transform:scale(1.05);}',
    '#guichet-launcher:focus-visible{outline:3px solid var(--g-primary);outline-offset:4px;}',
    '#guichet-launcher svg{width:28px;height:28px;}',
    '#guichet-launcher[aria-expanded="true"] .guichet-icon-chat,',
    '#guichet-launcher[aria-expanded="false"] .guichet-icon-close{display:none;}',
    '#guichet-badge{position:absolute;top:-4px;right:-4px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;',
    'background:#c62828;color:#fff;font-size:12px;font-weight:700;line-height:22px;text-align:center;',
    'border:2px solid #fff;}',

    // Panel: 370×560 above the launcher; the whole screen on a phone.
    '#guichet-panel{position:fixed;right:20px;bottom:92px;z-index:2147483001;width:370px;height:560px;',
    'max-height:calc(100vh - 112px);display:flex;flex-direction:column;overflow:hidden;background:var(--g-bg);',
    'color:var(--g-text);border-radius:var(--g-radius);box-shadow:0 12px 40px rgba(0,0,0,.28);border:1px solid var(--g-line);}',
    '@media (max-width:479.98px){#guichet-panel{inset:0;right:0;bottom:0;width:100%;height:100%;max-height:none;',
    'border-radius:0;border:0;}#guichet-input{font-size:16px;}}',
    '#guichet-header{display:flex;align-items:center;gap:8px;padding:12px 12px 12px 16px;background:var(--g-primary);',
    'color:var(--g-on-primary);flex:none;}',
    '#guichet-heading{flex:1;font-size:16px;font-weight:700;line-height:1.25;}',
    '#guichet-close{width:36px;height:36px;border-radius:50%;display:flex;align-items:center;justify-content:center;',
    'cursor:pointer;color:var(--g-on-primary);}',
    '#guichet-close:hover{background:rgba(255,255,255,.18);}',
    '#guichet-close:focus-visible{outline-color:var(--g-on-primary);outline-offset:-3px;}',
    '#guichet-close svg{width:22px;height:22px;}',
    '#guichet-status{flex:none;padding:6px 16px;font-size:13px;color:var(--g-muted);background:var(--g-soft);',
    'border-bottom:1px solid var(--g-line);}',

    // The conversation.
    '#guichet-log{flex:1;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:10px;',
    'overscroll-behavior:contain;}',
    '#guichet-root .guichet-msg,#guichet-root .guichet-greeting{max-width:85%;display:flex;flex-direction:column;gap:2px;}',
    '#guichet-root .guichet-text{padding:9px 12px;border-radius:var(--g-radius);white-space:pre-wrap;',
    'overflow-wrap:anywhere;word-break:normal;}',
    '#guichet-root .guichet-msg[data-from="bot"],#guichet-root .guichet-msg[data-from="agent"],',
    '#guichet-root .guichet-greeting{align-self:flex-start;}',
    '#guichet-root .guichet-msg[data-from="bot"] .guichet-text,#guichet-root .guichet-greeting .guichet-text{',
    'background:var(--g-soft);border-bottom-left-radius:4px;}',
    '#guichet-root .guichet-msg[data-from="agent"] .guichet-text{background:#e6f3ea;border:1px solid #b9dcc4;',
    'border-bottom-left-radius:4px;}',
    '#guichet-root .guichet-msg[data-from="user"]{align-self:flex-end;align-items:flex-end;}',
    '#guichet-root .guichet-msg[data-from="user"] .guichet-text{background:var(--g-primary);color:var(--g-on-primary);',
    'border-bottom-right-radius:4px;}',
    '#guichet-root .guichet-msg[data-pending="true"]{opacity:.6;}',
    '#guichet-root .guichet-meta{font-size:11.5px;color:var(--g-muted);padding:0 4px;}',
    '#guichet-root .guichet-author{font-weight:600;margin-right:6px;}',

    // Quick replies and cards.
    '#guichet-root .guichet-quick{display:flex;flex-wrap:wrap;gap:6px;align-self:flex-start;max-width:100%;}',
    '#guichet-root .guichet-quick button{padding:7px 12px;border:1px solid var(--g-primary);border-radius:18px;',
    'color:var(--g-primary);background:var(--g-bg);cursor:pointer;font-size:14px;line-height:1.2;}',
    '#guichet-root .guichet-quick button:hover{background:var(--g-primary);color:var(--g-on-primary);}',
    '#guichet-root .guichet-cards{display:flex;flex-direction:column;gap:6px;align-self:flex-start;width:85%;}',
    '#guichet-root .guichet-card{border:1px solid var(--g-line);border-radius:10px;background:var(--g-bg);}',
    '#guichet-root .guichet-card a{display:block;padding:9px 12px;color:var(--g-primary);font-weight:600;',
    'text-decoration:underline;text-underline-offset:2px;}',
    '#guichet-root .guichet-card a:not([href]){color:var(--g-text);text-decoration:none;}',
    '#guichet-root .guichet-rating{display:flex;align-items:center;gap:4px;align-self:flex-start;font-size:12px;',
    'color:var(--g-muted);padding:0 4px;}',
    '#guichet-root .guichet-rating button{border:1px solid var(--g-line);border-radius:14px;background:var(--g-bg);',
    'cursor:pointer;padding:2px 8px;font-size:14px;line-height:1.3;}',
    '#guichet-root .guichet-rating button[aria-pressed="true"]{border-color:var(--g-primary);background:var(--g-primary);}',
    '#guichet-root .guichet-icon-thumb{width:14px;height:14px;fill:var(--g-muted);display:block;}',
    '#guichet-root .guichet-rating button[aria-pressed="true"] .guichet-icon-thumb{fill:var(--g-on-primary);}',
    '#guichet-root .guichet-card-date{display:block;padding:0 12px 8px;margin-top:-4px;font-size:12px;color:var(--g-muted);}',
    '#guichet-root .guichet-card a:focus-visible{outline-offset:-3px;}',

    // Typing, errors, composer, privacy.
    '#guichet-typing{flex:none;display:flex;align-items:center;gap:8px;padding:4px 16px 6px;font-size:13px;',
    'color:var(--g-muted);}',
    '#guichet-root .guichet-dots{display:flex;gap:3px;}',
    '#guichet-root .guichet-dots span{width:6px;height:6px;border-radius:50%;background:var(--g-muted);',
    'animation:guichet-blink 1.2s infinite ease-in-out;}',
    '#guichet-root .guichet-dots span:nth-child(2){animation-delay:.2s;}',
    '#guichet-root .guichet-dots span:nth-child(3){animation-delay:.4s;}',
    '@keyframes guichet-blink{0%,80%,100%{opacity:.25;}40%{opacity:1;}}',
    '#guichet-error{flex:none;margin:0 12px 6px;padding:6px 10px;border-radius:8px;font-size:13px;',
    'background:#fdecea;color:#8a1c1c;}',
    '#guichet-composer{flex:none;display:flex;align-items:flex-end;gap:8px;padding:10px 12px;',
    'border-top:1px solid var(--g-line);}',
    '#guichet-input{flex:1;min-height:42px;max-height:132px;resize:none;padding:10px 12px;border:1px solid var(--g-line);',
    'border-radius:10px;background:var(--g-bg);color:var(--g-text);font-size:15px;line-height:1.4;overflow-y:auto;',
    'white-space:pre-wrap;}',
    '#guichet-input::placeholder{color:var(--g-muted);opacity:1;}',
    '#guichet-input:focus-visible{outline-offset:0;border-color:var(--g-primary);}',
    '#guichet-send{flex:none;width:42px;height:42px;border-radius:10px;display:flex;align-items:center;',
    'justify-content:center;background:var(--g-primary);color:var(--g-on-primary);cursor:pointer;}',
    '#guichet-send svg{width:20px;height:20px;}',
    '#guichet-privacy{flex:none;padding:0 14px 10px;font-size:11.5px;line-height:1.35;color:var(--g-muted);}',
    '#guichet-privacy a{color:inherit;text-decoration:underline;}',
    '@media (prefers-reduced-motion:reduce){#guichet-root *{animation:none!important;transition:none!important;}}'
  ].join('\n');

  // ---------------------------------------------------------------------------------------------
  // The widget's DOM.

  var ui = {};

  function build() {
    if (!document.getElementById('guichet-style')) {
      var style = el('style');
      style.id = 'guichet-style';
      style.textContent = CSS;
      (document.head || document.documentElement).appendChild(style);
    }

    var root = el('div');
    root.id = 'guichet-root';
    root.setAttribute('lang', LANG);
    var primary = attribute('data-primary');
    if (primary) {
      // An invalid colour is simply ignored by setProperty: nothing to validate here.
      root.style.setProperty('--guichet-primary', primary);
    }

    var launcher = el('button');
    launcher.id = 'guichet-launcher';
    launcher.type = 'button';
    launcher.setAttribute('aria-controls', 'guichet-panel');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-label', T.launcher);
    launcher.appendChild(icon('guichet-icon-chat', ICON_CHAT));
    launcher.appendChild(icon('guichet-icon-close', ICON_CLOSE));
    var badge = el('span');
    badge.id = 'guichet-badge';
    badge.hidden = true;
    // The count is read out with the launcher's label; the badge itself is for the eyes.
    badge.setAttribute('aria-hidden', 'true');
    launcher.appendChild(badge);

    var panel = el('div');
    panel.id = 'guichet-panel';
    panel.hidden = true;
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', TITLE);
    panel.setAttribute('data-connection', 'offline');

    var header = el('div');
    header.id = 'guichet-header';
    var heading = el('h2', null, TITLE);
    heading.id = 'guichet-heading';
    var close = el('button');
    close.id = 'guichet-close';
    close.type = 'button';
    close.setAttribute('aria-label', T.close);
    close.appendChild(icon('', ICON_CLOSE));
    header.appendChild(heading);
    header.appendChild(close);

    var status = el('div');
    status.id = 'guichet-status';
    status.setAttribute('role', 'status');
    status.hidden = true;

    var log = el('div');
    log.id = 'guichet-log';
    log.setAttribute('role', 'log');
    log.setAttribute('aria-live', 'polite');
    log.setAttribute('aria-label', TITLE);
    log.tabIndex = 0; // a scrollable region must be reachable with the keyboard

    var typing = el('div');
    typing.id = 'guichet-typing';
    typing.hidden = true;
    typing.setAttribute('role', 'status');
    var dots = el('span', 'guichet-dots');
    dots.setAttribute('aria-hidden', 'true');
    dots.appendChild(el('span'));
    dots.appendChild(el('span'));
    dots.appendChild(el('span'));
    var typingText = el('span', 'guichet-typing-text', T.typing.bot);
    typing.appendChild(dots);
    typing.appendChild(typingText);

    var error = el('div');
    error.id = 'guichet-error';
    error.setAttribute('role', 'alert');
    error.hidden = true;

    var composer = el('div');
    composer.id = 'guichet-composer';
    var label = el('label', 'guichet-sr', T.inputLabel);
    label.htmlFor = 'guichet-input';
    var input = el('textarea');
    input.id = 'guichet-input';
    input.rows = 1;
    input.maxLength = MAX_TEXT;
    input.placeholder = T.placeholder;
    input.setAttribute('autocomplete', 'off');
    var send = el('button');
    send.id = 'guichet-send';
    send.type = 'button';
    send.setAttribute('aria-label', T.send);
    send.appendChild(icon('', ICON_SEND));
    composer.appendChild(label);
    composer.appendChild(input);
    composer.appendChild(send);

    var privacy = el('p');
    privacy.id = 'guichet-privacy';
    privacy.appendChild(document.createTextNode(T.privacy));
    var privacyUrl = attribute('data-privacy-url');
    if (isSafeUrl(privacyUrl)) {
      privacy.appendChild(document.createTextNode(' '));
      var link = el('a', null, T.privacyLink);
      link.href = privacyUrl;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.setAttribute('aria-describedby', 'guichet-newtab');
      privacy.appendChild(link);
    }
    // Said after every link that opens a new tab; one element, referenced, so links keep their own text.
    var newTab = el('span', 'guichet-sr', T.newWindow);
    newTab.id = 'guichet-newtab';
    newTab.hidden = true;

    panel.appendChild(header);
    panel.appendChild(status);
    panel.appendChild(log);
    panel.appendChild(typing);
    panel.appendChild(error);
    panel.appendChild(composer);
    panel.appendChild(privacy);
    panel.appendChild(newTab);
    root.appendChild(panel);
    root.appendChild(launcher);
    document.body.appendChild(root);

    ui = {
      root: root, launcher: launcher, badge: badge, panel: panel, close: close, status: status, log: log,
      typing: typing, typingText: typingText, error: error, input: input, send: send
    };
    renderGreeting();
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering the conversation.

  function normalizeFrom(from) {
    return from === 'user' || from === 'agent' ? from : 'bot';
  }

  function formatTime(at) {
    var date = new Date(at);
    if (!at || isNaN(date.getTime())) {
      return null;
    }
    try {
      return date.toLocaleTimeString(LANG === 'en' ? 'en-GB' : 'fr-FR', { hour: '2-digit', minute: '2-digit' });
    } catch (e) {
      return null;
    }
  }

  function messageElement(from, text, at) {
    var item = el('div', 'guichet-msg');
    item.setAttribute('data-from', from);
    // Said first to screen readers, so the log's announcements tell who speaks.
    item.appendChild(el('span', 'guichet-sr', T.authors[from] + ' : '));
    item.appendChild(el('div', 'guichet-text', text));
    var meta = el('div', 'guichet-meta');
    meta.setAttribute('aria-hidden', 'true');
    if (from === 'agent') {
      meta.appendChild(el('span', 'guichet-author', T.authors.agent));
    }
    var time = formatTime(at);
    if (time) {
      var stamp = el('time', null, time);
      stamp.setAttribute('datetime', String(at));
      meta.appendChild(stamp);
    }
    if (meta.childNodes.length) {
      item.appendChild(meta);
    }
    return item;
  }

  /** The local greeting, always at the top of the log: the server never hears of it. */
  function renderGreeting() {
    var greeting = el('div', 'guichet-greeting');
    greeting.appendChild(el('span', 'guichet-sr', T.authors.bot + ' : '));
    greeting.appendChild(el('div', 'guichet-text', T.greeting));
    ui.log.appendChild(greeting);
  }

  function pendingElements() {
    return Array.prototype.slice.call(ui.log.querySelectorAll('.guichet-msg[data-pending="true"]'));
  }

  /**
   * Server lines go before the user's pending ones: the pending lines are what the server has
   * not said yet, so they stay at the bottom until it does.
   */
  function insertInLog(node) {
    var firstPending = ui.log.querySelector('.guichet-msg[data-pending="true"]');
    ui.log.insertBefore(node, firstPending);
  }

  function nearBottom() {
    return ui.log.scrollHeight - ui.log.scrollTop - ui.log.clientHeight < 80;
  }

  function scrollToEnd() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function clearQuick() {
    if (state.quick) {
      state.quick.remove();
      state.quick = null;
    }
  }

  /** One set of quick replies at a time, under the latest message. */
  function showQuick(options) {
    clearQuick();
    var labels = (options || []).filter(function (option) {
      return typeof option === 'string' && option.trim();
    });
    if (!labels.length) {
      return;
    }
    var group = el('div', 'guichet-quick');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', T.quickLabel);
    labels.forEach(function (option) {
      var button = el('button', null, option);
      button.type = 'button';
      button.addEventListener('click', function () {
        if (submit(option)) {
          if (state.quick === group) {
            clearQuick();
          }
          ui.input.focus();
        }
      });
      group.appendChild(button);
    });
    insertInLog(group);
    state.quick = group;
  }

  /** A page's ISO date ("2026-09-02") as the reader's language writes it, or null. */
  function pageDate(iso) {
    if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
      return null;
    }
    var parts = iso.split('-');
    var date = new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2]));
    var written = date.toLocaleDateString(LANG === 'en' ? 'en-GB' : 'fr-FR',
      { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    // French writes the first of the month "1er mars".
    return LANG === 'en' ? written : written.replace(/^1 /, '1er ');
  }

  function showCards(items) {
    var safe = (items || []).filter(function (item) {
      return item && typeof item.title === 'string' && item.title.trim();
    });
    if (!safe.length) {
      return;
    }
    var list = el('div', 'guichet-cards');
    list.setAttribute('role', 'list');
    list.setAttribute('aria-label', T.cardsLabel);
    safe.forEach(function (item) {
      var card = el('div', 'guichet-card');
      card.setAttribute('role', 'listitem');
      var link = el('a', null, item.title);
      if (isSafeUrl(item.url)) {
        link.href = item.url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        link.setAttribute('aria-describedby', 'guichet-newtab');
      }
      card.appendChild(link);
      var updated = pageDate(item.updated);
      if (updated) {
        card.appendChild(el('span', 'guichet-card-date', T.updatedOn + updated));
      }
      list.appendChild(card);
    });
    insertInLog(list);
  }

  /**
   * A thumb up and down under an answer from the pages; a second press changes the vote. Sent over
   * HTTP whatever the transport, as the API's feedback call: it is no message of the conversation.
   */
  function showRating(turn) {
    if (typeof turn !== 'number' || !state.conversation) {
      return;
    }
    var row = el('div', 'guichet-rating');
    row.setAttribute('role', 'group');
    row.setAttribute('aria-label', T.rating.label);
    row.appendChild(el('span', null, T.rating.label));
    var buttons = [[true, ICON_THUMB_UP, T.rating.up], [false, ICON_THUMB_DOWN, T.rating.down]].map(function (choice) {
      var button = el('button');
      button.appendChild(icon('guichet-icon-thumb', choice[1]));
      button.type = 'button';
      button.setAttribute('aria-label', choice[2]);
      button.setAttribute('aria-pressed', 'false');
      button.addEventListener('click', function () {
        request('POST', conversationPath('/feedback'), { turn: turn, useful: choice[0] }).then(function () {
          buttons.forEach(function (other) { other.setAttribute('aria-pressed', String(other === button)); });
          row.firstChild.textContent = T.rating.thanks;
        }, function () {
          showError(T.errors.generic);
        });
      });
      row.appendChild(button);
      return button;
    });
    insertInLog(row);
  }

  function renderReplies(replies) {
    (Array.isArray(replies) ? replies : []).forEach(function (reply) {
      if (reply && reply.type === 'quick_replies') {
        showQuick(reply.options);
      } else if (reply && reply.type === 'cards') {
        showCards(reply.items);
      } else if (reply && reply.type === 'rating') {
        showRating(reply.turn);
      }
    });
  }

  /**
   * A line the server said. The user's own line confirms the first pending one with the same
   * text; a bot's or agent's line heard while the panel is closed counts as unread.
   */
  function renderServerMessage(message, replies, live) {
    if (!message || typeof message.text !== 'string') {
      return;
    }
    var from = normalizeFrom(message.from);
    var follow = nearBottom();
    if (from === 'user') {
      var pending = pendingElements().filter(function (node) {
        return node.querySelector('.guichet-text').textContent === message.text;
      })[0];
      if (pending) {
        pending.remove();
        follow = true;
      }
    }
    clearQuick();
    insertInLog(messageElement(from, message.text, message.at));
    state.shownCount++;
    renderReplies(replies);
    if (live && from !== 'user' && !state.open) {
      state.unread++;
      updateBadge();
    }
    if (follow || from === 'user') {
      scrollToEnd();
    }
  }

  /**
   * Replaces what is shown by the server's transcript. The greeting stays, and so do the pending
   * lines still on their way; those sent on a socket that dropped are handed back to the input.
   */
  function renderTranscript(messages) {
    var leftover = pendingElements().filter(function (node) {
      return !state.inFlight.has(node);
    }).map(function (node) {
      return node.querySelector('.guichet-text').textContent;
    });
    clearQuick();
    // Silenced while it is rebuilt (after each reconnection too): a screen reader must not read
    // the whole conversation again, only what comes next.
    ui.log.setAttribute('aria-live', 'off');
    clearTimeout(state.liveTimer);
    state.liveTimer = setTimeout(function () {
      ui.log.setAttribute('aria-live', 'polite');
    }, 100);
    Array.prototype.slice.call(ui.log.children).forEach(function (child) {
      if (!child.classList.contains('guichet-greeting') && !state.inFlight.has(child)) {
        child.remove();
      }
    });
    state.shownCount = 0;
    state.draft = null;
    (messages || []).forEach(function (message) {
      renderServerMessage(message, null, false);
    });
    restoreUnsent(leftover, messages || []);
    offerJourneysIfEmpty();
    scrollToEnd();
  }

  /**
   * Lines still pending when the transcript was replaced (the connection dropped before the
   * server's echo): if the server never got them, the text goes back in the input, not lost.
   */
  function restoreUnsent(texts, messages) {
    var recentUserTexts = messages.filter(function (m) { return m.from === 'user'; }).slice(-5)
      .map(function (m) { return m.text; });
    var unsent = texts.filter(function (text) { return recentUserTexts.indexOf(text) < 0; });
    if (unsent.length && !ui.input.value.trim()) {
      ui.input.value = unsent.join('\n');
      autosize();
    }
  }

  function offerJourneysIfEmpty() {
    if (state.shownCount === 0 && !pendingElements().length) {
      showQuick(T.journeys);
    }
  }

  function addPending(text) {
    clearQuick();
    var item = messageElement('user', text, null);
    item.setAttribute('data-pending', 'true');
    ui.log.appendChild(item);
    scrollToEnd();
    return item;
  }

  /** A message the server refused: it leaves the log, and its text comes back to the input. */
  function dropPending(item) {
    var target = item || pendingElements().pop();
    if (!target) {
      return;
    }
    var text = target.querySelector('.guichet-text').textContent;
    target.remove();
    if (!ui.input.value.trim()) {
      ui.input.value = text;
      autosize();
    }
    offerJourneysIfEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Indicators: typing, status, errors, badge, connection mode.

  /**
   * The next words of an answer being written, on a line of its own that the answer replaces
   * when it comes. Hidden from screen readers: the log would read it again at every word; the
   * answer is read once, whole.
   */
  function showDraft(text) {
    if (typeof text !== 'string' || !text) {
      return;
    }
    var follow = nearBottom();
    hideTyping();
    if (!state.draft) {
      state.draft = messageElement('bot', '', null);
      state.draft.setAttribute('data-draft', 'true');
      state.draft.setAttribute('aria-hidden', 'true');
      // After the person's question, still pending until the turn commits: the answer follows it.
      ui.log.appendChild(state.draft);
    }
    state.draft.querySelector('.guichet-text').textContent += text;
    if (follow) {
      scrollToEnd();
    }
  }

  function dropDraft() {
    if (state.draft) {
      state.draft.remove();
      state.draft = null;
    }
  }

  function showTyping(from) {
    ui.typingText.textContent = from === 'agent' ? T.typing.agent : T.typing.bot;
    ui.typing.hidden = false;
    clearTimeout(state.typingTimer);
    // A typing notice that is never followed by anything must not stay forever.
    state.typingTimer = setTimeout(hideTyping, TYPING_SHOWN_MS);
  }

  function hideTyping() {
    clearTimeout(state.typingTimer);
    ui.typing.hidden = true;
  }

  /** What the panel's data-connection says: HTTP that cannot reach the server is offline too. */
  function connection() {
    return state.mode === 'http' && !state.httpReachable ? 'offline' : state.mode;
  }

  /** The status line: the connection's trouble first, then who answers the conversation. */
  function renderStatus() {
    var text = '';
    if (connection() === 'offline' && state.started) {
      text = state.everConnected ? T.reconnecting : T.connecting;
    } else if (T.status[state.status]) {
      text = T.status[state.status];
    }
    ui.status.textContent = text;
    ui.status.hidden = !text;
  }

  function setStatus(status) {
    if (typeof status === 'string') {
      state.status = status;
      renderStatus();
    }
  }

  var errorTimer = null;

  function showError(text) {
    ui.error.textContent = text;
    ui.error.hidden = false;
    clearTimeout(errorTimer);
    errorTimer = setTimeout(clearError, 15000);
  }

  function clearError() {
    clearTimeout(errorTimer);
    ui.error.textContent = '';
    ui.error.hidden = true;
  }

  function updateBadge() {
    ui.badge.textContent = String(state.unread);
    ui.badge.hidden = state.unread === 0;
    var label = state.unread ? T.launcher + ' (' + T.unread(state.unread) + ')' : T.launcher;
    ui.launcher.setAttribute('aria-label', label);
  }

  function setMode(mode) {
    state.mode = mode;
    if (mode !== 'offline') {
      state.everConnected = true;
    }
    if (mode === 'http') {
      state.httpReachable = true;
    }
    ui.panel.setAttribute('data-connection', connection());
    renderStatus();
  }

  function setHttpReachable(reachable) {
    if (state.httpReachable !== reachable) {
      state.httpReachable = reachable;
      ui.panel.setAttribute('data-connection', connection());
      renderStatus();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sending.

  /**
   * Sends a text as the user's message. Returns whether it went: when it did not (no connection
   * yet), the caller keeps the text where the user typed it.
   */
  function submit(raw) {
    var text = String(raw || '').trim();
    if (!text) {
      return false;
    }
    if (text.length > MAX_TEXT) {
      showError(T.errors.too_long);
      return false;
    }
    ensureStarted();
    if (state.mode === 'ws' && state.welcomed && state.socket && state.socket.readyState === WebSocket.OPEN) {
      try {
        state.socket.send(JSON.stringify({ type: 'message', text: text }));
      } catch (e) {
        showError(T.errors.offline);
        return false;
      }
      clearError();
      addPending(text);
      return true;
    }
    if (state.mode === 'http') {
      clearError();
      httpSend(text, addPending(text));
      return true;
    }
    if (!state.everConnected) {
      // The very first connection is still on its way: the line waits for it, visibly pending.
      clearError();
      var queued = addPending(text);
      queued.setAttribute('data-queued', 'true');
      state.inFlight.add(queued);
      return true;
    }
    // Reconnecting: the text stays where the user typed it until the connection is back.
    showError(T.errors.offline);
    return false;
  }

  /** Sends the lines queued while the first connection was made, over whatever connected. */
  function flushQueued() {
    var queued = Array.prototype.slice.call(ui.log.querySelectorAll('.guichet-msg[data-queued]'));
    if (state.mode === 'ws') {
      queued.forEach(function (item) {
        item.removeAttribute('data-queued');
        // Now an ordinary pending line: if this socket drops before the echo, it goes back to the input.
        state.inFlight.delete(item);
        try {
          state.socket.send(JSON.stringify({ type: 'message', text: item.querySelector('.guichet-text').textContent }));
        } catch (e) {
          dropPending(item);
        }
      });
    } else if (state.mode === 'http') {
      // One after the other, so that the server hears them in the order they were written.
      queued.reduce(function (previous, item) {
        item.removeAttribute('data-queued');
        return previous.then(function () {
          return httpSend(item.querySelector('.guichet-text').textContent, item);
        });
      }, Promise.resolve());
    }
  }

  function sendFromInput() {
    if (submit(ui.input.value)) {
      ui.input.value = '';
      autosize();
    }
  }

  /** The agent sees the user typing; once every few seconds is enough to keep it lit. */
  function signalTyping() {
    var now = Date.now();
    if (!ui.input.value.trim() || now - state.lastTypingSent < TYPING_SEND_EVERY_MS) {
      return;
    }
    if (state.mode === 'ws' && state.welcomed && state.socket && state.socket.readyState === WebSocket.OPEN) {
      state.lastTypingSent = now;
      try {
        state.socket.send(JSON.stringify({ type: 'typing' }));
      } catch (e) {
        // A typing notice is not worth an error.
      }
    }
  }

  function autosize() {
    ui.input.style.height = 'auto';
    ui.input.style.height = Math.min(ui.input.scrollHeight + 2, 132) + 'px';
  }

  // ---------------------------------------------------------------------------------------------
  // Connection: the WebSocket first, HTTP when it will not connect.

  function ensureStarted() {
    if (state.started) {
      return;
    }
    state.started = true;
    renderStatus();
    if (typeof window.WebSocket !== 'function') {
      startHttp();
    } else {
      openSocket(false);
    }
  }

  function hello(socket) {
    var frame = state.conversation
      ? { type: 'hello', id: state.conversation.id, secret: state.conversation.secret }
      : { type: 'hello', lang: LANG };
    socket.send(JSON.stringify(frame));
  }

  /**
   * Opens the socket. A probe is the background attempt made while on HTTP: it takes over only
   * once the server welcomed it, and its failure leaves HTTP in place.
   */
  function openSocket(probe) {
    clearTimeout(state.reconnectTimer);
    clearTimeout(state.probeTimer);
    var socket;
    try {
      socket = new WebSocket(WS_URL);
    } catch (e) {
      socketFailed(probe);
      return;
    }
    var welcomed = false;
    if (!probe) {
      state.socket = socket;
      state.welcomed = false;
    }

    socket.onopen = function () {
      try {
        hello(socket);
      } catch (e) {
        socket.close();
      }
    };

    socket.onmessage = function (event) {
      var frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (!frame || typeof frame !== 'object') {
        return;
      }
      if (frame.type === 'welcome') {
        if (probe) {
          if (state.httpInFlight > 0) {
            // An HTTP send is under way: switching now could show its lines twice. Soon.
            socket.onclose = null;
            socket.close();
            state.probeTimer = setTimeout(function () { openSocket(true); }, 5000);
            return;
          }
          adoptProbe(socket);
        }
        welcomed = true;
      }
      if (state.socket === socket) {
        onFrame(frame);
      } else if (probe && frame.type === 'error' && frame.error === 'unknown_conversation') {
        // The probe learnt the conversation is gone; HTTP will learn it too on its next poll.
        socket.close();
      }
    };

    socket.onclose = function () {
      if (state.socket === socket) {
        state.socket = null;
        state.welcomed = false;
        stopPing();
      }
      if (!welcomed) {
        socketFailed(probe);
      } else if (state.mode === 'ws') {
        // It worked, then dropped: reconnect, the back-off starting again from 1 s.
        state.wsFailures = 0;
        state.backoff = FIRST_BACKOFF_MS;
        setMode('offline');
        hideTyping();
        scheduleReconnect();
      }
    };
  }

  /** The background socket answered: leave HTTP for it. */
  function adoptProbe(socket) {
    stopPolling();
    if (state.socket && state.socket !== socket) {
      state.socket.onclose = null;
      state.socket.close();
    }
    state.socket = socket;
  }

  function socketFailed(probe) {
    if (probe || state.mode === 'http') {
      state.probeTimer = setTimeout(function () { openSocket(true); }, WS_PROBE_EVERY_MS);
      return;
    }
    state.wsFailures++;
    if (state.wsFailures >= FAILURES_BEFORE_HTTP) {
      startHttp();
      return;
    }
    setMode('offline');
    scheduleReconnect();
  }

  function scheduleReconnect() {
    clearTimeout(state.reconnectTimer);
    var delay = state.backoff;
    state.backoff = Math.min(state.backoff * 2, MAX_BACKOFF_MS);
    state.reconnectTimer = setTimeout(function () { openSocket(false); }, delay);
  }

  function startPing() {
    stopPing();
    state.pingTimer = setInterval(function () {
      if (state.socket && state.socket.readyState === WebSocket.OPEN) {
        try {
          state.socket.send(JSON.stringify({ type: 'ping' }));
        } catch (e) {
          // The close handler will deal with a dead socket.
        }
      }
    }, PING_EVERY_MS);
  }

  function stopPing() {
    clearInterval(state.pingTimer);
    state.pingTimer = null;
  }

  function onFrame(frame) {
    switch (frame.type) {
      case 'welcome':
        onWelcome(frame);
        break;
      case 'message': {
        var from = frame.message && frame.message.from;
        // The user's echo comes while the bot is still composing: only its answer ends the wait.
        if (from !== 'user') {
          hideTyping();
          dropDraft();
        }
        renderServerMessage(frame.message, frame.replies, true);
        break;
      }
      case 'draft':
        showDraft(frame.text);
        break;
      case 'turn_end':
        hideTyping();
        dropDraft();
        break;
      case 'typing':
        if (frame.from === 'bot' || frame.from === 'agent') {
          showTyping(frame.from);
        }
        break;
      case 'status':
        setStatus(frame.status);
        break;
      case 'error':
        onServerError(frame);
        break;
      default:
        // pong, and whatever a newer server may add.
        break;
    }
  }

  function onWelcome(frame) {
    clearTimeout(state.helloTimer);
    if (typeof frame.id === 'string' && typeof frame.secret === 'string') {
      state.conversation = { id: frame.id, secret: frame.secret };
      storeConversation(state.conversation);
    }
    state.welcomed = true;
    state.wsFailures = 0;
    state.backoff = FIRST_BACKOFF_MS;
    clearTimeout(state.probeTimer);
    stopPolling();
    state.status = typeof frame.status === 'string' ? frame.status : 'bot';
    setMode('ws');
    hideTyping();
    clearError();
    renderTranscript(Array.isArray(frame.messages) ? frame.messages : []);
    startPing();
    flushQueued();
  }

  function onServerError(frame) {
    var code = frame.error;
    dropDraft();
    if (code === 'unknown_conversation') {
      // Expired or purged: start afresh on the same socket, which has no conversation yet.
      forgetConversation();
      state.conversation = null;
      renderTranscript([]);
      if (state.socket && state.socket.readyState === WebSocket.OPEN) {
        hello(state.socket);
      }
      return;
    }
    hideTyping();
    if (!state.welcomed) {
      // The hello itself was refused (too many new conversations): try again later.
      showError(code === 'rate_limited' ? T.errors.rate_limited_new : T.errors.generic);
      clearTimeout(state.helloTimer);
      state.helloTimer = setTimeout(function () {
        if (state.socket && state.socket.readyState === WebSocket.OPEN && !state.welcomed) {
          hello(state.socket);
        }
      }, HELLO_RETRY_MS);
      return;
    }
    // A refused or failed message: the last one sent leaves the log and goes back to the input.
    if (code === 'rate_limited' || code === 'bad_message' || code === 'internal_error') {
      dropPending(null);
    }
    if (code === 'rate_limited' || code === 'bad_message') {
      showError(code === 'rate_limited' ? T.errors.rate_limited : T.errors.bad_message);
      return;
    }
    showError(T.errors.generic);
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP fallback: the same conversation, polled.

  function request(method, path, body) {
    var headers = { Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (state.conversation) {
      // The secret travels in a header, never in the URL (URLs end up in logs).
      headers['X-Guichet-Secret'] = state.conversation.secret;
    }
    return fetch(SERVER + path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store'
    }).then(function (response) {
      setHttpReachable(true);
      return response.text().then(function (raw) {
        var data = null;
        try {
          data = raw ? JSON.parse(raw) : null;
        } catch (e) {
          data = null;
        }
        if (!response.ok) {
          var failure = new Error((data && data.message) || 'HTTP ' + response.status);
          failure.status = response.status;
          throw failure;
        }
        return data;
      });
    }, function (networkFailure) {
      // No answer at all (server down, network gone): say so, the polls keep trying.
      setHttpReachable(false);
      throw networkFailure;
    });
  }

  function conversationPath(suffix) {
    return '/api/v1/conversations/' + encodeURIComponent(state.conversation.id) + (suffix || '');
  }

  function startHttp() {
    clearTimeout(state.reconnectTimer);
    if (state.socket) {
      state.socket.onclose = null;
      state.socket.close();
      state.socket = null;
    }
    state.welcomed = false;
    stopPing();
    setMode('http');
    if (state.conversation) {
      sync(true);
    } else {
      offerJourneysIfEmpty();
    }
    flushQueued();
    startPolling();
    state.probeTimer = setTimeout(function () { openSocket(true); }, WS_PROBE_EVERY_MS);
  }

  function startPolling() {
    stopPolling();
    state.pollTimer = setInterval(function () {
      if (state.mode === 'http' && state.conversation && state.httpInFlight === 0) {
        sync(false);
      }
    }, POLL_EVERY_MS);
  }

  function stopPolling() {
    clearInterval(state.pollTimer);
    state.pollTimer = null;
  }

  /**
   * Brings the screen up to the server's transcript: all of it (full), or the lines beyond
   * those shown. Chained, so a poll and a send never render the same lines twice.
   */
  function sync(full) {
    state.syncChain = state.syncChain.then(function () {
      if (!state.conversation) {
        return null;
      }
      return request('GET', conversationPath()).then(function (data) {
        var messages = data && Array.isArray(data.messages) ? data.messages : [];
        if (full || messages.length < state.shownCount) {
          renderTranscript(messages);
        } else {
          messages.slice(state.shownCount).forEach(function (message) {
            if (message.from !== 'user') {
              hideTyping();
            }
            renderServerMessage(message, null, true);
          });
        }
        setStatus(data && data.status);
      }, function (failure) {
        if (failure.status === 404) {
          conversationGone();
        }
      });
    }).catch(function () {
      // A failed poll is retried by the next one.
    });
    return state.syncChain;
  }

  function conversationGone() {
    forgetConversation();
    state.conversation = null;
    state.status = 'bot';
    renderTranscript([]);
    renderStatus();
  }

  function createHttpConversation() {
    return request('POST', '/api/v1/conversations', { channel: 'widget', lang: LANG }).then(function (data) {
      if (!data || typeof data.id !== 'string' || typeof data.secret !== 'string') {
        throw new Error('no conversation');
      }
      state.conversation = { id: data.id, secret: data.secret };
      storeConversation(state.conversation);
    });
  }

  function httpSend(text, pendingItem) {
    state.httpInFlight++;
    state.inFlight.add(pendingItem);
    showTyping('bot');
    var attempt = function (retried) {
      var ready = state.conversation ? Promise.resolve() : createHttpConversation();
      return ready.then(function () {
        return request('POST', conversationPath('/messages'), { text: text });
      }).catch(function (failure) {
        if (failure.status === 404 && !retried) {
          // The stored conversation is gone: start a new one and say it there.
          forgetConversation();
          state.conversation = null;
          state.shownCount = 0;
          return attempt(true);
        }
        throw failure;
      });
    };
    return attempt(false).then(function (turn) {
      return sync(false).then(function () {
        // The server has the line: if the transcript did not show it yet, the next poll will.
        if (pendingItem.isConnected) {
          pendingItem.remove();
        }
        // Quick replies and cards come only in the answer: the transcript has the text lines.
        renderReplies(turn && turn.replies);
        showRating(turn && turn.turn);
        setStatus(turn && turn.status);
      });
    }).catch(function (failure) {
      state.inFlight.delete(pendingItem);
      dropPending(pendingItem);
      showError(failure.status === 429 ? T.errors.rate_limited
        : failure.status === 400 ? T.errors.bad_message : T.errors.send_failed);
    }).then(function () {
      state.inFlight.delete(pendingItem);
      state.httpInFlight--;
      hideTyping();
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Opening and closing.

  function openPanel() {
    if (state.open) {
      return;
    }
    state.open = true;
    state.unread = 0;
    updateBadge();
    ui.panel.hidden = false;
    ui.launcher.setAttribute('aria-expanded', 'true');
    ensureStarted();
    scrollToEnd();
    ui.input.focus();
  }

  function closePanel() {
    if (!state.open) {
      return;
    }
    state.open = false;
    ui.panel.hidden = true;
    ui.launcher.setAttribute('aria-expanded', 'false');
    ui.launcher.focus();
  }

  function bind() {
    ui.launcher.addEventListener('click', function () {
      if (state.open) {
        closePanel();
      } else {
        openPanel();
      }
    });
    ui.close.addEventListener('click', closePanel);
    ui.panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' || event.key === 'Esc') {
        event.preventDefault();
        closePanel();
      }
    });
    ui.send.addEventListener('click', function () {
      sendFromInput();
      ui.input.focus();
    });
    ui.input.addEventListener('keydown', function (event) {
      // Enter sends; Shift+Enter is a new line; an input method composing a word keeps Enter.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        sendFromInput();
      }
    });
    ui.input.addEventListener('input', function () {
      autosize();
      signalTyping();
    });

    // Another tab of the site started or resumed a conversation: this one follows it.
    window.addEventListener('storage', function (event) {
      if (event.key !== STORAGE_KEY || !event.newValue) {
        return;
      }
      var stored = loadConversation();
      if (!stored || (state.conversation && state.conversation.id === stored.id)) {
        return;
      }
      state.conversation = stored;
      if (!state.started) {
        ensureStarted();
      } else if (state.mode === 'http') {
        sync(true);
      } else {
        if (state.socket) {
          state.socket.onclose = null;
          state.socket.close();
          state.socket = null;
        }
        state.wsFailures = 0;
        openSocket(false);
      }
    });

    // Back online: no need to wait for the back-off to run out.
    window.addEventListener('online', function () {
      if (state.started && state.mode === 'offline' && !state.socket) {
        state.backoff = FIRST_BACKOFF_MS;
        openSocket(false);
      }
    });
  }

  function init() {
    if (document.getElementById('guichet-root')) {
      return;
    }
    build();
    bind();
    updateBadge();
    offerJourneysIfEmpty();
    // A conversation under way: connect at once, so an agent's message reaches a closed panel.
    if (state.conversation) {
      ensureStarted();
    }
  }

  if (document.body) {
    init();
  } else {
    document.addEventListener('DOMContentLoaded', init);
  }
})();
