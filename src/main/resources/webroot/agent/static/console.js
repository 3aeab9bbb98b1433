/*
 * The agents' console: the queue of conversations waiting for a person, one conversation open at
 * a time, and the actions on it (claim, reply, note, transfer, hand back to the bot, close).
 *
 * Data comes from the agent API (cookie session; every call that changes something carries
 * X-Guichet-Console: 1, which another site's page cannot send) and live from /ws/agent.
 * Whatever users, agents or the bot wrote is put in the page as text, never as HTML.
 */
(function () {
  'use strict';

  // Every word the console shows, in one place.
  var TEXT = {
    connecting: 'Connexion…',
    live: 'Temps réel actif',
    reconnecting: 'Reconnexion…',
    queueEmpty: 'Aucune conversation en attente.',
    mineEmpty: 'Aucune conversation prise en charge.',
    newMessages: 'Nouveau message',
    waitingFor: 'En attente depuis',
    lessThanAMinute: '< 1 min',
    minutes: function (m) { return m + ' min'; },
    hours: function (h, m) { return h + ' h ' + String(m).padStart(2, '0') + ' min'; },
    noPreview: '(pas encore de message)',
    status: {
      bot: "Avec l'assistant",
      waiting_agent: 'En attente d’un conseiller',
      agent_me: 'Prise en charge par vous',
      agent_other: function (agent) { return 'Prise en charge par ' + agent; },
      closed: 'Clôturée'
    },
    team: function (name) { return 'Équipe : ' + name; },
    noTeam: 'Sans équipe',
    openedToday: function (time) { return 'ouverte à ' + time; },
    openedBefore: function (day, time) { return 'ouverte le ' + day + ' à ' + time; },
    channels: { widget: 'Site web', web: 'API web', whatsapp: 'WhatsApp', messenger: 'Messenger' },
    authors: { user: 'Usager', bot: 'Assistant', agent: 'Conseiller', note: 'Note interne' },
    userTyping: "L'usager écrit…",
    replyPlaceholder: {
      held: 'Votre réponse…',
      waiting: 'Prenez la conversation en charge pour répondre.',
      other: 'Cette conversation n’est pas entre vos mains : vous pouvez seulement ajouter une note.'
    },
    chooseTeam: 'Choisir une équipe…',
    teamLabels: { general: 'Accueil général' },
    journey: {
      none: 'Aucun parcours en cours.',
      stage: 'Étape',
      complete: 'Demande complète',
      incomplete: 'Demande incomplète',
      noSlots: 'Aucune information recueillie pour l’instant.',
      notes: 'Ce que la personne a ajouté',
      names: {
        weekend_stay: 'Séjour / week-end',
        seminar_planning: 'Séminaire',
        business_setup: "Implantation d'entreprise",
        relocation: 'Installation (nouveaux arrivants)'
      },
      stages: {
        collecting: 'Questions en cours',
        consent: 'Recommandation et accord',
        contact_name: 'Recueil du nom',
        contact_details: 'Recueil des coordonnées',
        done: 'Terminé',
        cancelled: 'Abandonné'
      },
      slots: {
        date: 'Dates', people_count: 'Personnes', children: 'Avec enfants', interests: 'Envies',
        budget_eur: 'Budget', nights: 'Nuits sur place', room_layout: 'Disposition de salle',
        lodging: 'Hébergement', sector: "Secteur d'activité", need: 'Besoin', surface_m2: 'Surface',
        jobs: 'Emplois prévus', timeline: 'Calendrier', household: 'Foyer', job_search: 'Emploi',
        housing: 'Logement', schools: "École ou garde d'enfants"
      },
      yes: 'Oui',
      no: 'Non',
      from: function (start, end) { return start === end ? 'le ' + start : 'du ' + start + ' au ' + end; }
    },
    samePerson: {
      loading: 'Recherche de ses autres conversations…',
      noContact: 'Pas encore d’e-mail ni de téléphone : rien pour reconnaître la personne.',
      alone: 'Aucune autre conversation avec ces coordonnées.',
      by: function (contacts) { return 'Reconnue par ' + contacts; },
      noJourney: 'Sans parcours',
      leads: function (leads) { return (leads.length === 1 ? 'Demande : ' : 'Demandes : ') + leads.join(', '); },
      failed: 'Ses autres conversations n’ont pas pu être chargées.'
    },
    errors: {
      network: 'Le serveur ne répond pas. Nouvelle tentative dans un instant.',
      generic: 'L’action a échoué. Réessayez.',
      chooseTeam: 'Choisissez l’équipe à qui transférer la conversation.',
      empty: 'Le message est vide.'
    }
  };

  var REFRESH_EVERY_MS = 15000;
  var PING_EVERY_MS = 25000;
  var TYPING_SEND_EVERY_MS = 3000;
  var TYPING_SHOWN_MS = 8000;
  var ECHO_WAIT_MS = 2000;
  var FIRST_BACKOFF_MS = 1000;
  var MAX_BACKOFF_MS = 30000;
  var OPEN_KEY = 'guichet.console.open';

  function $(id) {
    return document.getElementById(id);
  }

  var state = {
    me: null,
    teams: {},
    queue: [],
    current: null,          // the open conversation, as the API last described it
    messages: [],           // its lines, from the API and the socket, each once
    keys: new Set(),
    mine: [],               // ids of the conversations I hold: the queue lists only waiting ones
    mineInfo: {},           // id → the held conversation as last read
    seenCounts: new Map(),  // per held conversation, how many lines I have seen
    drafts: new Map(),
    socket: null,
    socketOpen: false,
    backoff: FIRST_BACKOFF_MS,
    reconnectTimer: null,
    pingTimer: null,
    lastTypingSent: 0,
    typingTimer: null,
    queueTimer: null,
    busy: false,
    samePersonLines: 0      // the person's lines when their other conversations were last looked up
  };

  // ---------------------------------------------------------------------------------------------
  // Small helpers.

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

  function capitalize(text) {
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  }

  function teamLabel(id) {
    if (!id) {
      return TEXT.noTeam;
    }
    return TEXT.teamLabels[id] || capitalize(state.teams[id] || id);
  }

  function channelLabel(channel) {
    return TEXT.channels[channel] || channel || '?';
  }

  function waitLabel(seconds) {
    var s = Math.max(0, Math.floor(Number(seconds) || 0));
    if (s < 60) {
      return TEXT.lessThanAMinute;
    }
    var minutes = Math.floor(s / 60);
    return minutes < 60 ? TEXT.minutes(minutes) : TEXT.hours(Math.floor(minutes / 60), minutes % 60);
  }

  function formatTime(at) {
    var date = new Date(at);
    if (!at || isNaN(date.getTime())) {
      return '';
    }
    var today = new Date().toDateString() === date.toDateString();
    return today
      ? date.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })
      : date.toLocaleString('fr-FR', { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
  }

  /** "ouverte à 10:03" today, "ouverte le 12/05 à 10:03" before: a phrase, where formatTime gives a stamp. */
  function formatOpening(at) {
    var date = new Date(at);
    if (!at || isNaN(date.getTime())) {
      return '';
    }
    var time = date.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
    if (new Date().toDateString() === date.toDateString()) {
      return TEXT.openedToday(time);
    }
    return TEXT.openedBefore(date.toLocaleDateString('fr-FR', { day: '2-digit', month: '2-digit' }), time);
  }

  function lastUserLine(conversation) {
    var messages = conversation.messages || [];
    for (var i = messages.length - 1; i >= 0; i--) {
      if (messages[i].from === 'user') {
        return messages[i].text;
      }
    }
    return null;
  }

  function messageKey(message) {
    return message.from + '|' + message.at + '|' + message.text;
  }

  function isHeldByMe(conversation) {
    return !!(conversation && state.me && conversation.status === 'agent' && conversation.agent === state.me.id);
  }

  // ---------------------------------------------------------------------------------------------
  // The API.

  function ApiError(status, code, message) {
    this.status = status;
    this.code = code;
    this.message = message;
  }

  function api(method, path, body) {
    var options = {
      method: method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { Accept: 'application/json' }
    };
    if (method !== 'GET') {
      options.headers['Content-Type'] = 'application/json';
      options.headers['X-Guichet-Console'] = '1';
      options.body = JSON.stringify(body || {});
    }
    return fetch(path, options).then(function (response) {
      if (response.status === 401) {
        // The session ended (logout elsewhere, restart): /agent shows the login page.
        window.location.href = '/agent';
        throw new ApiError(401, 'unauthorized', '');
      }
      return response.text().then(function (raw) {
        var data = null;
        try {
          data = raw ? JSON.parse(raw) : null;
        } catch (e) {
          data = null;
        }
        if (!response.ok) {
          throw new ApiError(response.status, data && data.error,
            (data && typeof data.message === 'string' && data.message) || TEXT.errors.generic);
        }
        return data;
      });
    }, function () {
      throw new ApiError(0, 'network', TEXT.errors.network);
    });
  }

  function conversationPath(id, action) {
    return '/api/v1/agent/conversations/' + encodeURIComponent(id) + (action ? '/' + action : '');
  }

  // ---------------------------------------------------------------------------------------------
  // Errors.

  function showError(message) {
    if (!message) {
      return;
    }
    $('console-error').textContent = message;
    $('console-error').hidden = false;
  }

  function clearError() {
    $('console-error').textContent = '';
    $('console-error').hidden = true;
  }

  // ---------------------------------------------------------------------------------------------
  // Queue and held conversations.

  function refreshQueue() {
    return api('GET', '/api/v1/agent/queue').then(function (data) {
      state.queue = data && Array.isArray(data.conversations) ? data.conversations : [];
      renderQueue();
    }, function (failure) {
      if (failure.status !== 401) {
        showError(failure.message);
      }
    });
  }

  /** Queue frames come in bursts (one per change): one refetch for the burst is enough. */
  function scheduleQueueRefresh() {
    clearTimeout(state.queueTimer);
    state.queueTimer = setTimeout(refreshQueue, 250);
  }

  /** A re-render must not steal the keyboard focus from the item an agent is on. */
  function focusedId(list) {
    var active = document.activeElement;
    return active && list.contains(active) ? active.getAttribute('data-id') : null;
  }

  function renderQueue() {
    var list = $('queue');
    var refocus = focusedId(list);
    list.textContent = '';
    $('queue-count').textContent = String(state.queue.length);
    if (!state.queue.length) {
      list.appendChild(el('li', 'conv-list-empty', TEXT.queueEmpty));
      return;
    }
    state.queue.forEach(function (conversation) {
      var item = el('li');
      var button = el('button', 'queue-item');
      button.type = 'button';
      button.setAttribute('data-id', conversation.id);
      var waited = Number(conversation.waitingSeconds) || 0;
      button.setAttribute('data-wait', waited >= 600 ? 'long' : waited >= 300 ? 'medium' : 'short');
      if (state.current && state.current.id === conversation.id) {
        button.setAttribute('aria-current', 'true');
      }
      var top = el('span', 'item-top');
      top.appendChild(el('span', 'item-team', teamLabel(conversation.team)));
      var wait = el('span', 'item-wait', waitLabel(waited));
      wait.setAttribute('aria-label', TEXT.waitingFor + ' ' + waitLabel(waited));
      top.appendChild(wait);
      button.appendChild(top);
      button.appendChild(el('span', 'item-meta',
        channelLabel(conversation.channel) + ' · ' + String(conversation.lang || 'fr').toUpperCase()));
      button.appendChild(el('span', 'item-preview', lastUserLine(conversation) || TEXT.noPreview));
      button.addEventListener('click', function () {
        openConversation(conversation.id);
      });
      item.appendChild(button);
      list.appendChild(item);
      if (refocus === conversation.id) {
        button.focus();
      }
    });
  }

  function mineKey() {
    return 'guichet.console.mine.' + state.me.id;
  }

  function loadMine() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(mineKey()) || '[]');
      state.mine = Array.isArray(stored) ? stored.filter(function (id) { return typeof id === 'string'; }) : [];
    } catch (e) {
      state.mine = [];
    }
  }

  function saveMine() {
    try {
      window.localStorage.setItem(mineKey(), JSON.stringify(state.mine));
    } catch (e) {
      // The list then lasts as long as the page.
    }
  }

  /** Keeps "my conversations" in step with a conversation's latest known state. */
  function trackMine(conversation) {
    var index = state.mine.indexOf(conversation.id);
    if (isHeldByMe(conversation) && index < 0) {
      state.mine.push(conversation.id);
      saveMine();
    } else if (!isHeldByMe(conversation) && index >= 0) {
      state.mine.splice(index, 1);
      delete state.mineInfo[conversation.id];
      saveMine();
    }
  }

  /**
   * Re-reads the conversations I hold, which the queue no longer lists, to show their last line
   * and flag those where the user wrote since I last looked.
   */
  function refreshMine() {
    var ids = state.mine.slice();
    return Promise.all(ids.map(function (id) {
      return api('GET', conversationPath(id)).then(function (conversation) {
        return conversation;
      }, function (failure) {
        return failure.status === 404 || failure.status === 403 ? { id: id, gone: true } : null;
      });
    })).then(function (conversations) {
      state.mineInfo = {};
      conversations.forEach(function (conversation) {
        if (!conversation) {
          return;
        }
        if (conversation.gone) {
          trackMine({ id: conversation.id, status: 'closed' });
          return;
        }
        trackMine(conversation);
        if (isHeldByMe(conversation)) {
          state.mineInfo[conversation.id] = conversation;
          if (!state.seenCounts.has(conversation.id)) {
            state.seenCounts.set(conversation.id, (conversation.messages || []).length);
          }
        }
      });
      renderMine();
    });
  }

  function renderMine() {
    var list = $('mine');
    var refocus = focusedId(list);
    list.textContent = '';
    var held = state.mine.filter(function (id) { return state.mineInfo && state.mineInfo[id]; });
    if (!held.length) {
      list.appendChild(el('li', 'conv-list-empty', TEXT.mineEmpty));
      return;
    }
    held.forEach(function (id) {
      var conversation = state.mineInfo[id];
      var open = state.current && state.current.id === id;
      var count = (conversation.messages || []).length;
      if (open) {
        state.seenCounts.set(id, Math.max(count, state.messages.length));
      }
      var fresh = !open && count > (state.seenCounts.get(id) || 0);
      var item = el('li');
      var button = el('button', 'mine-item');
      button.type = 'button';
      button.setAttribute('data-id', id);
      if (open) {
        button.setAttribute('aria-current', 'true');
      }
      var top = el('span', 'item-top');
      top.appendChild(el('span', 'item-team', teamLabel(conversation.team)));
      if (fresh) {
        top.appendChild(el('span', 'item-new', TEXT.newMessages));
      }
      button.appendChild(top);
      button.appendChild(el('span', 'item-meta',
        channelLabel(conversation.channel) + ' · ' + String(conversation.lang || 'fr').toUpperCase()));
      button.appendChild(el('span', 'item-preview', lastUserLine(conversation) || TEXT.noPreview));
      button.addEventListener('click', function () {
        openConversation(id);
      });
      item.appendChild(button);
      list.appendChild(item);
      if (refocus === id) {
        button.focus();
      }
    });
  }

  function refreshAll() {
    refreshQueue();
    refreshMine();
    // Without the socket, the open conversation hears nothing by itself: read it again.
    if (!state.socketOpen && state.current) {
      reloadCurrent();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The open conversation.

  function openConversation(id) {
    clearError();
    return api('GET', conversationPath(id)).then(function (conversation) {
      showConversation(conversation);
      watch(conversation.id);
      try {
        window.sessionStorage.setItem(OPEN_KEY, conversation.id);
      } catch (e) {
        // Not remembered across reloads, that is all.
      }
    }, function (failure) {
      if (failure.status === 404 || failure.status === 403) {
        try {
          window.sessionStorage.removeItem(OPEN_KEY);
        } catch (e) {
          // Nothing to forget.
        }
      }
      showError(failure.message);
    });
  }

  function reloadCurrent() {
    if (!state.current) {
      return Promise.resolve();
    }
    var id = state.current.id;
    return api('GET', conversationPath(id)).then(function (conversation) {
      if (state.current && state.current.id === id) {
        showConversation(conversation);
      }
    }, function () {
      // Kept as it is; the next refresh tries again.
    });
  }

  /**
   * Shows a conversation as the API describes it. Its lines are merged with those already shown
   * (lines are never deleted, and the socket may have brought newer ones than this answer has);
   * with mergeLines false, only the status and the journey are taken, the lines being left to the
   * socket's echo.
   */
  function showConversation(conversation, mergeLines) {
    var switching = !state.current || state.current.id !== conversation.id;
    if (switching) {
      saveDrafts();
      state.messages = [];
      state.keys = new Set();
      $('transcript').textContent = '';
      hideUserTyping();
      restoreDrafts(conversation.id);
    }
    state.current = conversation;
    $('empty-state').hidden = true;
    $('conversation').hidden = false;
    if (switching || mergeLines !== false) {
      mergeMessages(conversation.messages || []);
    }
    renderHeader();
    renderJourney(conversation.journey);
    refreshSamePerson(switching);
    renderControls();
    trackMine(conversation);
    markCurrentInLists();
  }

  function saveDrafts() {
    if (state.current) {
      state.drafts.set(state.current.id, { reply: $('reply').value, note: $('note').value });
    }
  }

  function restoreDrafts(id) {
    var draft = state.drafts.get(id) || { reply: '', note: '' };
    $('reply').value = draft.reply;
    $('note').value = draft.note;
  }

  function markCurrentInLists() {
    var id = state.current ? state.current.id : null;
    document.querySelectorAll('.queue-item, .mine-item').forEach(function (button) {
      if (button.getAttribute('data-id') === id) {
        button.setAttribute('aria-current', 'true');
      } else {
        button.removeAttribute('aria-current');
      }
    });
  }

  function statusText(conversation) {
    switch (conversation.status) {
      case 'agent':
        return isHeldByMe(conversation) ? TEXT.status.agent_me : TEXT.status.agent_other(conversation.agent || '?');
      case 'waiting_agent':
        return TEXT.status.waiting_agent;
      case 'closed':
        return TEXT.status.closed;
      default:
        return TEXT.status.bot;
    }
  }

  function renderHeader() {
    var conversation = state.current;
    var status = $('conv-status');
    status.textContent = statusText(conversation);
    status.setAttribute('data-status', isHeldByMe(conversation) ? 'mine' : conversation.status || '');
    var details = [TEXT.team(teamLabel(conversation.team)), channelLabel(conversation.channel),
      String(conversation.lang || 'fr').toUpperCase()];
    var opened = formatOpening(conversation.createdAt);
    if (opened) {
      details.push(opened);
    }
    $('conv-details').textContent = details.join(' · ');
  }

  function mergeMessages(messages) {
    var added = [];
    var outOfOrder = false;
    messages.forEach(function (message) {
      if (!message || typeof message.text !== 'string') {
        return;
      }
      var key = messageKey(message);
      if (state.keys.has(key)) {
        return;
      }
      var last = state.messages[state.messages.length - 1];
      if (last && Date.parse(message.at) < Date.parse(last.at)) {
        outOfOrder = true;
      }
      state.keys.add(key);
      state.messages.push(message);
      added.push(message);
    });
    if (!added.length) {
      return;
    }
    if (!outOfOrder && $('transcript').childElementCount === state.messages.length - added.length) {
      appendToTranscript(added);
      return;
    }
    if (outOfOrder) {
      // A line the socket brought earlier than an older one from the API: put them back in order.
      state.messages = state.messages.map(function (message, index) {
        return { message: message, index: index };
      }).sort(function (a, b) {
        return (Date.parse(a.message.at) - Date.parse(b.message.at)) || (a.index - b.index);
      }).map(function (entry) {
        return entry.message;
      });
    }
    renderTranscript();
  }

  function nearBottom(transcript) {
    return !transcript.childElementCount
      || transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 120;
  }

  /** New lines at the end: only they reach the live region, so only they are read out. */
  function appendToTranscript(messages) {
    var transcript = $('transcript');
    var follow = nearBottom(transcript);
    messages.forEach(function (message) {
      transcript.appendChild(messageElement(message));
    });
    if (follow) {
      transcript.scrollTop = transcript.scrollHeight;
    }
    state.seenCounts.set(state.current.id, state.messages.length);
  }

  /**
   * The whole transcript again (another conversation, or lines to put back in order). The live
   * region is silenced meanwhile: a screen reader must not read the whole conversation anew.
   */
  function renderTranscript() {
    var transcript = $('transcript');
    var follow = nearBottom(transcript);
    transcript.setAttribute('aria-live', 'off');
    transcript.textContent = '';
    state.messages.forEach(function (message) {
      transcript.appendChild(messageElement(message));
    });
    if (follow) {
      transcript.scrollTop = transcript.scrollHeight;
    }
    setTimeout(function () {
      transcript.setAttribute('aria-live', 'polite');
    }, 100);
    if (state.current) {
      state.seenCounts.set(state.current.id, state.messages.length);
    }
  }

  function messageElement(message) {
    var from = ['user', 'bot', 'agent', 'note'].indexOf(message.from) >= 0 ? message.from : 'bot';
    var item = el('div', 'msg');
    item.setAttribute('data-from', from);
    var head = el('div', 'msg-head');
    head.appendChild(el('span', 'msg-author', TEXT.authors[from]));
    var time = formatTime(message.at);
    if (time) {
      var stamp = el('time', 'msg-time', time);
      stamp.setAttribute('datetime', String(message.at));
      head.appendChild(stamp);
    }
    item.appendChild(head);
    item.appendChild(el('div', 'msg-text', message.text));
    return item;
  }

  /** A slot's value as a person reads it: a choice by its label ("Théâtre", not "theatre"), dates, amounts. */
  function slotValue(name, value, journey) {
    if (value === null || value === undefined) {
      return '—';
    }
    var labels = state.me && state.me.labels && typeof state.me.labels === 'object' ? state.me.labels : {};
    var choice = typeof value === 'string' && labels[journey + '.' + name + '=' + value];
    if (choice) {
      return choice;
    }
    if (typeof value === 'boolean') {
      return value ? TEXT.journey.yes : TEXT.journey.no;
    }
    if (Array.isArray(value)) {
      return value.map(function (v) { return slotValue(name, v, journey); }).join(', ');
    }
    if (typeof value === 'object') {
      if (value.start || value.end) {
        return TEXT.journey.from(frenchDate(value.start), frenchDate(value.end || value.start));
      }
      return Object.keys(value).map(function (key) { return key + ' : ' + slotValue(key, value[key], journey); }).join(', ');
    }
    if (typeof value === 'number') {
      var number = value.toLocaleString('fr-FR');
      return name === 'budget_eur' ? number + ' €' : name === 'surface_m2' ? number + ' m²' : number;
    }
    return String(value);
  }

  function frenchDate(iso) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ''));
    return match ? match[3] + '/' + match[2] + '/' + match[1] : String(iso || '?');
  }

  function renderJourney(journey) {
    var body = $('journey-body');
    body.textContent = '';
    if (!journey) {
      body.appendChild(el('p', 'journey-empty', TEXT.journey.none));
      return;
    }
    body.appendChild(el('p', 'journey-name', TEXT.journey.names[journey.name] || journey.name));
    var facts = el('p', 'journey-facts');
    facts.appendChild(el('span', 'journey-stage',
      TEXT.journey.stage + ' : ' + (TEXT.journey.stages[journey.stage] || journey.stage || '?')));
    facts.appendChild(el('span', 'journey-complete ' + (journey.complete ? 'is-complete' : 'is-incomplete'),
      journey.complete ? TEXT.journey.complete : TEXT.journey.incomplete));
    body.appendChild(facts);
    var slots = journey.slots && typeof journey.slots === 'object' ? journey.slots : {};
    var names = Object.keys(slots);
    if (!names.length) {
      body.appendChild(el('p', 'journey-empty', TEXT.journey.noSlots));
    } else {
      var list = el('dl', 'slots');
      names.forEach(function (name) {
        list.appendChild(el('dt', null, TEXT.journey.slots[name] || name));
        list.appendChild(el('dd', null, slotValue(name, slots[name], journey.name)));
      });
      body.appendChild(list);
    }
    // What the person said that fits no question: the team reads it with the request.
    var notes = Array.isArray(journey.notes) ? journey.notes : [];
    if (notes.length) {
      body.appendChild(el('p', 'journey-notes-title', TEXT.journey.notes));
      var said = el('ul', 'journey-notes');
      notes.forEach(function (note) {
        said.appendChild(el('li', null, String(note)));
      });
      body.appendChild(said);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The same person's other conversations, on any channel and with any team, found by the e-mail
  // or phone they left: read again with the conversation, since they may give one at any time.

  function showSamePersonNote(text) {
    var body = $('same-person-body');
    body.textContent = '';
    body.appendChild(el('p', 'journey-empty', text));
  }

  /**
   * Looked up when a conversation is opened, and again only once the person has written more:
   * the lookup reads the whole store, too much to repeat at each refresh.
   */
  function refreshSamePerson(switching) {
    var userLines = state.messages.filter(function (message) { return message.from === 'user'; }).length;
    if (switching) {
      showSamePersonNote(TEXT.samePerson.loading);
    } else if (userLines === state.samePersonLines) {
      return;
    }
    state.samePersonLines = userLines;
    loadSamePerson(state.current.id);
  }

  function loadSamePerson(id) {
    api('GET', conversationPath(id, 'contact')).then(function (person) {
      if (state.current && state.current.id === id) {
        renderSamePerson(person);
      }
    }, function () {
      if (state.current && state.current.id === id) {
        showSamePersonNote(TEXT.samePerson.failed);
      }
    });
  }

  function renderSamePerson(person) {
    var contacts = Array.isArray(person.contacts) ? person.contacts : [];
    var others = Array.isArray(person.conversations) ? person.conversations : [];
    if (!contacts.length) {
      showSamePersonNote(TEXT.samePerson.noContact);
      return;
    }
    showSamePersonNote(TEXT.samePerson.by(contacts.map(function (contact) { return contact.value; }).join(', ')));
    var body = $('same-person-body');
    if (!others.length) {
      body.appendChild(el('p', 'journey-empty', TEXT.samePerson.alone));
      return;
    }
    var list = el('ul', 'conv-list same-person-list');
    others.forEach(function (other) {
      var item = el('li');
      var button = el('button', 'same-person-item');
      button.type = 'button';
      button.setAttribute('data-id', other.id);
      button.appendChild(el('span', 'item-top', channelLabel(other.channel) + ' · ' + formatOpening(other.createdAt)));
      var journey = other.journey
        ? TEXT.journey.names[other.journey.name] || other.journey.name
        : TEXT.samePerson.noJourney;
      button.appendChild(el('span', 'item-meta', journey + ' · ' + statusText(other)));
      var leads = Array.isArray(other.leads) ? other.leads : [];
      if (leads.length) {
        button.appendChild(el('span', 'item-preview', TEXT.samePerson.leads(leads.map(function (lead) {
          return lead.name + ' → ' + teamLabel(lead.team);
        }))));
      }
      button.addEventListener('click', function () {
        openConversation(other.id);
      });
      item.appendChild(button);
      list.appendChild(item);
    });
    body.appendChild(list);
  }

  /** What the agent may do depends on the status and on who holds the conversation. */
  function renderControls() {
    var conversation = state.current;
    if (!conversation) {
      return;
    }
    var held = isHeldByMe(conversation);
    var waiting = conversation.status === 'waiting_agent';
    var busy = state.busy;
    $('claim').disabled = busy || !waiting;
    $('release').disabled = busy || !held;
    $('close').disabled = busy || !held;
    $('transfer').disabled = busy || !(waiting || held);
    $('transfer-team').disabled = busy || !(waiting || held);
    $('reply').disabled = !held;
    $('send').disabled = busy || !held;
    $('reply').placeholder = held ? TEXT.replyPlaceholder.held
      : waiting ? TEXT.replyPlaceholder.waiting : TEXT.replyPlaceholder.other;
    $('note').disabled = false;
    $('add-note').disabled = busy;
  }

  function setBusy(busy) {
    state.busy = busy;
    $('conversation').setAttribute('aria-busy', busy ? 'true' : 'false');
    renderControls();
  }

  // ---------------------------------------------------------------------------------------------
  // Actions.

  /** An action that answers with the conversation as it now stands, shown from that answer. */
  function act(action, body) {
    if (!state.current || state.busy) {
      return Promise.resolve(null);
    }
    var id = state.current.id;
    clearError();
    setBusy(true);
    return api('POST', conversationPath(id, action), body).then(function (conversation) {
      if (state.current && state.current.id === id) {
        showConversation(conversation);
      } else {
        trackMine(conversation);
      }
      refreshQueue();
      refreshMine();
      return conversation;
    }, function (failure) {
      showError(failure.message);
      if (failure.status === 409 || failure.status === 403 || failure.status === 404) {
        // Someone else acted first: show the queue and the conversation as they are now.
        refreshQueue();
        reloadCurrent();
      }
      return null;
    }).then(function (result) {
      setBusy(false);
      return result;
    });
  }

  /**
   * A reply or a note. Its line comes back on the socket like everyone's, and is shown from
   * there; the API's answer fills in only if the echo does not come.
   */
  function postText(kind, field) {
    if (!state.current || state.busy) {
      return;
    }
    var text = field.value.trim();
    if (!text) {
      showError(TEXT.errors.empty);
      field.focus();
      return;
    }
    var id = state.current.id;
    clearError();
    setBusy(true);
    api('POST', conversationPath(id, kind), { text: text }).then(function (conversation) {
      field.value = '';
      state.drafts.delete(id);
      if (state.current && state.current.id === id) {
        var echoExpected = state.socketOpen;
        showConversation(conversation, !echoExpected);
        if (echoExpected) {
          setTimeout(function () {
            if (state.current && state.current.id === id) {
              mergeMessages(conversation.messages || []);
            }
          }, ECHO_WAIT_MS);
        }
      }
    }, function (failure) {
      showError(failure.message);
      if (failure.status === 409 || failure.status === 403 || failure.status === 404) {
        reloadCurrent();
      }
    }).then(function () {
      setBusy(false);
      field.focus();
    });
  }

  function transfer() {
    var team = $('transfer-team').value;
    if (!team) {
      showError(TEXT.errors.chooseTeam);
      $('transfer-team').focus();
      return;
    }
    act('transfer', { team: team }).then(function (conversation) {
      if (conversation) {
        $('transfer-team').value = '';
      }
    });
  }

  function logout() {
    fetch('/agent/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Guichet-Console': '1' },
      body: '{}'
    }).catch(function () {
      // Going to /agent shows whether the session is still there.
    }).then(function () {
      try {
        window.sessionStorage.removeItem(OPEN_KEY);
      } catch (e) {
        // Nothing to forget.
      }
      window.location.href = '/agent';
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Typing.

  function showUserTyping() {
    $('user-typing').hidden = false;
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(hideUserTyping, TYPING_SHOWN_MS);
  }

  function hideUserTyping() {
    clearTimeout(state.typingTimer);
    $('user-typing').hidden = true;
  }

  /** The user sees the agent typing; once every few seconds keeps it lit. */
  function signalTyping() {
    var now = Date.now();
    if (!state.current || !isHeldByMe(state.current) || !$('reply').value.trim()
        || now - state.lastTypingSent < TYPING_SEND_EVERY_MS) {
      return;
    }
    if (sendFrame({ type: 'typing', id: state.current.id })) {
      state.lastTypingSent = now;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The live socket.

  function setLive(kind) {
    var live = $('live-state');
    live.setAttribute('data-state', kind);
    live.textContent = kind === 'on' ? TEXT.live : kind === 'connecting' ? TEXT.connecting : TEXT.reconnecting;
  }

  function sendFrame(frame) {
    if (!state.socket || !state.socketOpen) {
      return false;
    }
    try {
      state.socket.send(JSON.stringify(frame));
      return true;
    } catch (e) {
      return false;
    }
  }

  function watch(id) {
    sendFrame({ type: 'watch', id: id });
  }

  function connect() {
    clearTimeout(state.reconnectTimer);
    var url = (window.location.protocol === 'https:' ? 'wss://' : 'ws://') + window.location.host + '/ws/agent';
    var socket;
    try {
      socket = new WebSocket(url);
    } catch (e) {
      scheduleReconnect();
      return;
    }
    state.socket = socket;

    socket.onopen = function () {
      state.socketOpen = true;
      state.backoff = FIRST_BACKOFF_MS;
      setLive('on');
      clearInterval(state.pingTimer);
      state.pingTimer = setInterval(function () { sendFrame({ type: 'ping' }); }, PING_EVERY_MS);
      // Whatever happened while the socket was down: catch up, and watch the open conversation again.
      if (state.current) {
        watch(state.current.id);
        reloadCurrent();
      }
      refreshQueue();
    };

    socket.onmessage = function (event) {
      var frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (frame && typeof frame === 'object') {
        onFrame(frame);
      }
    };

    socket.onclose = function () {
      if (state.socket !== socket) {
        return;
      }
      state.socket = null;
      state.socketOpen = false;
      clearInterval(state.pingTimer);
      setLive('off');
      scheduleReconnect();
      // The queue is read every few seconds meanwhile; do it now too.
      refreshQueue();
    };
  }

  function scheduleReconnect() {
    clearTimeout(state.reconnectTimer);
    var delay = state.backoff;
    state.backoff = Math.min(state.backoff * 2, MAX_BACKOFF_MS);
    state.reconnectTimer = setTimeout(connect, delay);
  }

  function onFrame(frame) {
    if (frame.type === 'queue') {
      scheduleQueueRefresh();
      if (state.mine.indexOf(frame.id) >= 0) {
        refreshMine();
      }
      return;
    }
    if (frame.type === 'ready' || frame.type === 'pong') {
      return;
    }
    // The remaining frames are the watched conversation's; a late one for another is dropped.
    if (!state.current || frame.id !== state.current.id) {
      return;
    }
    switch (frame.type) {
      case 'message':
        if (frame.message && frame.message.from === 'user') {
          hideUserTyping();
        }
        if (frame.message) {
          mergeMessages([frame.message]);
        }
        break;
      case 'status':
        state.current.status = frame.status;
        if ('team' in frame) {
          state.current.team = frame.team;
        }
        if ('agent' in frame) {
          state.current.agent = frame.agent;
        }
        renderHeader();
        renderControls();
        trackMine(state.current);
        refreshMine();
        scheduleQueueRefresh();
        break;
      case 'typing':
        if (frame.from === 'user') {
          showUserTyping();
        }
        break;
      default:
        // turn_end, and whatever a newer server may add.
        break;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Start.

  function fillTeams() {
    var select = $('transfer-team');
    select.textContent = '';
    var placeholder = el('option', null, TEXT.chooseTeam);
    placeholder.value = '';
    select.appendChild(placeholder);
    Object.keys(state.teams).forEach(function (id) {
      var option = el('option', null, teamLabel(id));
      option.value = id;
      select.appendChild(option);
    });
  }

  /** Enter sends, Shift+Enter makes a new line, as in every chat tool. */
  function submitOnEnter(field, form) {
    field.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        if (typeof form.requestSubmit === 'function') {
          form.requestSubmit();
        } else {
          form.dispatchEvent(new Event('submit', { cancelable: true }));
        }
      }
    });
  }

  function bind() {
    $('logout').addEventListener('click', logout);
    $('claim').addEventListener('click', function () { act('claim'); });
    $('release').addEventListener('click', function () { act('release'); });
    $('close').addEventListener('click', function () { act('close'); });
    $('transfer').addEventListener('click', transfer);
    $('reply-form').addEventListener('submit', function (event) {
      event.preventDefault();
      postText('messages', $('reply'));
    });
    $('note-form').addEventListener('submit', function (event) {
      event.preventDefault();
      postText('notes', $('note'));
    });
    submitOnEnter($('reply'), $('reply-form'));
    submitOnEnter($('note'), $('note-form'));
    $('reply').addEventListener('input', signalTyping);
    window.addEventListener('online', function () {
      if (!state.socketOpen) {
        state.backoff = FIRST_BACKOFF_MS;
        connect();
      }
    });
  }

  /** Who we are comes first: the teams, the held conversations and the socket depend on it. */
  function loadIdentity() {
    api('GET', '/api/v1/agent/me?lang=fr').then(function (me) {
      clearError();
      state.me = me;
      state.teams = me && me.teams && typeof me.teams === 'object' ? me.teams : {};
      $('me').textContent = me.name || me.id;
      fillTeams();
      loadMine();
      refreshQueue();
      refreshMine();
      connect();
      setInterval(refreshAll, REFRESH_EVERY_MS);
      var remembered = null;
      try {
        remembered = window.sessionStorage.getItem(OPEN_KEY);
      } catch (e) {
        remembered = null;
      }
      if (remembered) {
        openConversation(remembered);
      }
    }, function (failure) {
      if (failure.status !== 401) {
        showError(failure.message);
        // Without knowing who we are nothing works: try again shortly.
        setTimeout(loadIdentity, 5000);
      }
    });
  }

  bind();
  setLive('connecting');
  loadIdentity();
})();
