// The marketing team's dashboard: reads /api/v1/analytics/* with the admin token kept for the tab's
// session, draws its charts as SVG, and exports each table as CSV. No library, no build step.
(function () {
  'use strict';
  var T = {
    fr: { login_title: 'Tableau de bord', token: "Jeton d'administration", open: 'Ouvrir', from: 'Du', to: 'au',
      channel: 'Canal', lang: 'Langue', journey: 'Parcours', overview: "Vue d'ensemble",
      by_channel: 'Conversations par canal', by_journey: 'Conversations par parcours',
      funnels: 'Parcours : de la demande au contact', handoffs: 'Mises en relation', answers: 'Pages les plus citées',
      gaps: 'Questions sans réponse : les pages à écrire', never: 'Pages jamais citées', outdated: 'Pages citées mais anciennes',
      conversations: 'Conversations', messages: 'Messages', fallbacks: 'Sans réponse', out_of_scope: 'Hors sujet',
      handed_off: 'Mises en relation', started: 'Démarrés', facts: 'Infos données', recommended: 'Propositions',
      consented: 'Accord', leads: 'Contacts', teams: 'Équipes', demand: 'Demande', team: 'Équipe',
      unanswered: 'Sans réponse', median_wait: 'Attente médiane', p90_wait: 'Attente p90', page: 'Page', quoted: 'Citations',
      count: 'Fois', question: 'Question type', examples: 'Exemples', nearest: 'Page la plus proche', updated: 'Mise à jour',
      median: 'méd.', none: 'Rien sur la période.', bad_token: 'Jeton refusé.', account: 'ou se connecter avec un compte marketing', per_day: 'Conversations par jour',
      deliveries: 'Contacts envoyés aux CRM', delivery_failures: "Derniers échecs d'envoi", delivered: 'Envoyés',
      pending: 'En attente', failed: 'Abandonnés', lead: 'Contact n°', attempts: 'Tentatives', error: 'Erreur',
      last_attempt: 'Dernière tentative', retry_at: 'Prochaine tentative', given_up: 'abandonné',
      satisfaction: 'Satisfaction', ratings: 'Notes', average: 'Note moyenne', useful: 'Réponses utiles',
      not_useful: 'Réponses pas utiles', by_journey_csat: 'Note par parcours', by_team_csat: 'Note par équipe',
      comments: 'Commentaires', score: 'Note', at: 'Date', comment: 'Commentaire', thumbs: 'Avis sur les réponses',
      status: 'Statut', gap_OPEN: 'À traiter', gap_WRITTEN: 'Page écrite', gap_DISMISSED: 'Écartée',
      answered_now: 'Les pages y répondent maintenant', still_unanswered: 'Encore demandée depuis, toujours sans réponse',
      show_dismissed: 'Afficher les écartées', claimed: 'Prises en charge', closed: 'Clôturées', median_claim: 'Prise en charge médiane', csat_per_day: 'Note moyenne par jour' },
    en: { login_title: 'Dashboard', token: 'Admin token', open: 'Open', from: 'From', to: 'to',
      channel: 'Channel', lang: 'Language', journey: 'Journey', overview: 'Overview',
      by_channel: 'Conversations by channel', by_journey: 'Conversations by journey',
      funnels: 'Journeys: from request to contact', handoffs: 'Handoffs', answers: 'Pages quoted most',
      gaps: 'Unanswered questions: the pages to write', never: 'Pages never quoted', outdated: 'Pages quoted but old',
      conversations: 'Conversations', messages: 'Messages', fallbacks: 'Unanswered', out_of_scope: 'Out of scope',
      handed_off: 'Handed off', started: 'Started', facts: 'Facts given', recommended: 'Recommended',
      consented: 'Consent', leads: 'Leads', teams: 'Teams', demand: 'Demand', team: 'Team',
      unanswered: 'Unanswered', median_wait: 'Median wait', p90_wait: 'p90 wait', page: 'Page', quoted: 'Quoted',
      count: 'Times', question: 'Typical question', examples: 'Examples', nearest: 'Nearest page', updated: 'Updated',
      median: 'median', none: 'Nothing over the period.', bad_token: 'Token refused.', account: 'or log in with a marketing account', per_day: 'Conversations per day',
      deliveries: 'Leads pushed to CRMs', delivery_failures: 'Latest delivery failures', delivered: 'Delivered',
      pending: 'Pending', failed: 'Failed', lead: 'Lead #', attempts: 'Attempts', error: 'Error',
      last_attempt: 'Last attempt', retry_at: 'Next attempt', given_up: 'given up',
      satisfaction: 'Satisfaction', ratings: 'Ratings', average: 'Average rating', useful: 'Useful answers',
      not_useful: 'Answers not useful', by_journey_csat: 'Rating by journey', by_team_csat: 'Rating by team',
      comments: 'Comments', score: 'Rating', at: 'Date', comment: 'Comment', thumbs: 'Thumbs on answers',
      status: 'Status', gap_OPEN: 'To do', gap_WRITTEN: 'Page written', gap_DISMISSED: 'Dismissed',
      answered_now: 'The pages answer it now', still_unanswered: 'Asked again since, still unanswered',
      show_dismissed: 'Show dismissed', claimed: 'Claimed', closed: 'Closed', median_claim: 'Median time to claim', csat_per_day: 'Average rating per day' }
  };
  // The journeys' names (the contract's intent names); teams' and slots' names come from the service.
  var JOURNEYS = {
    fr: { business_setup: "Implantation d'entreprise", seminar_planning: 'Séminaires et événements',
      weekend_stay: 'Séjours', relocation: 'Installation', human_handoff: "Message à l'équipe" },
    en: { business_setup: 'Business set-up', seminar_planning: 'Seminars and events', weekend_stay: 'Short stays',
      relocation: 'Relocation', human_handoff: 'Message to the team' }
  };
  var labels = {};
  var ui = localStorage.getItem('guichet_admin_lang') === 'en' ? 'en' : 'fr';
  function named(id) { return JOURNEYS[ui][id] || labels[id] || id; }
  var tables = {};
  var $ = function (id) { return document.getElementById(id); };
  function t(key) { return T[ui][key] || key; }
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function num(n) { return n == null ? '—' : Number(n).toLocaleString(ui === 'fr' ? 'fr-FR' : 'en-GB'); }
  function pct(a, b) { return b ? Math.round(100 * a / b) + ' %' : '—'; }
  function when(iso) { return iso ? new Date(iso).toLocaleString(ui === 'fr' ? 'fr-FR' : 'en-GB') : ''; }
  function duration(s) { return s == null ? '—' : s < 60 ? s + ' s' : s < 3600 ? Math.round(s / 60) + ' min' : (s / 3600).toFixed(1) + ' h'; }

  function translate() {
    document.documentElement.lang = ui;
    document.querySelectorAll('[data-t]').forEach(function (el) { el.textContent = t(el.getAttribute('data-t')); });
    $('ui-lang').textContent = ui === 'fr' ? 'EN' : 'FR';
  }

  function table(name, columns, rows) {
    tables[name] = { columns: columns, rows: rows };
    if (!rows.length) return '<p class="muted">' + esc(t('none')) + '</p>';
    return '<table><tr>' + columns.map(function (c) { return '<th' + (c.n ? ' class="n"' : '') + '>' + esc(t(c.key)) + '</th>'; }).join('')
      + '</tr>' + rows.map(function (r, i) {
        return '<tr>' + columns.map(function (c) {
          return '<td' + (c.n ? ' class="n"' : '') + '>' + (c.html ? c.html(r, i) : esc(c.value(r))) + '</td>';
        }).join('') + '</tr>';
      }).join('') + '</table>';
  }

  function bars(counts) {
    if (!counts.length) return '<p class="muted">' + esc(t('none')) + '</p>';
    var max = Math.max.apply(null, counts.map(function (c) { return c.count; }));
    var h = 22 * counts.length;
    return '<svg width="100%" height="' + h + '" viewBox="0 0 400 ' + h + '" role="img">' + counts.map(function (c, i) {
      var w = Math.max(2, 170 * c.count / max);
      return '<text x="0" y="' + (i * 22 + 15) + '" font-size="12">' + esc(named(c.key)) + '</text>'
        + '<rect class="bar" x="190" y="' + (i * 22 + 4) + '" width="' + w + '" height="14"></rect>'
        + '<text x="' + (196 + w) + '" y="' + (i * 22 + 15) + '" font-size="12">' + num(c.count) + '</text>';
    }).join('') + '</svg>';
  }

  function days(list) {
    if (!list.length) return '';
    var max = Math.max.apply(null, list.map(function (d) { return d.conversations; })) || 1;
    var w = 760, h = 140, step = Math.min(40, w / list.length);
    return '<p class="muted">' + esc(t('per_day')) + '</p><svg width="100%" height="' + (h + 20) + '" viewBox="0 0 ' + w + ' ' + (h + 20) + '" preserveAspectRatio="xMinYMin meet" role="img">'
      + list.map(function (d, i) {
        var bh = Math.max(1, h * d.conversations / max);
        return '<rect class="bar" x="' + (i * step + 1) + '" y="' + (h - bh) + '" width="' + Math.max(1, step - 2) + '" height="' + bh + '">'
          + '<title>' + esc(d.day) + ' : ' + num(d.conversations) + '</title></rect>';
      }).join('')
      + '<text x="0" y="' + (h + 16) + '" font-size="11">' + esc(list[0].day) + '</text>'
      + (list.length > 1 ? '<text x="' + (list.length * step) + '" y="' + (h + 16) + '" font-size="11" text-anchor="end">'
        + esc(list[list.length - 1].day) + '</text>' : '') + '</svg>';
  }

  /** The average rating of each day, on a 1 to 5 scale, with the number of ratings in the tooltip. */
  function ratingDays(list) {
    if (!list.length) return '<p class="muted">' + esc(t('none')) + '</p>';
    var w = Math.min(40, Math.max(4, Math.floor(600 / list.length)));
    return '<svg width="100%" height="110" viewBox="0 0 600 110" role="img" aria-label="' + esc(t('csat_per_day')) + '">'
      + list.map(function (d, i) {
        var h = Math.round(100 * d.average / 5);
        return '<rect class="bar" x="' + (i * w) + '" y="' + (105 - h) + '" width="' + (w - 1) + '" height="' + h + '"><title>'
          + esc(d.key) + ' : ' + d.average.toFixed(1) + ' (' + num(d.count) + ')</title></rect>';
      }).join('') + '</svg>';
  }

  function demand(journey, d) {
    return Object.keys(d || {}).map(function (slot) {
      var v = d[slot];
      return esc(named(journey + '.' + slot)) + ' : ' + (v.months && v.months.length
        ? v.months.map(function (m) { return esc(m.key) + ' (' + num(m.count) + ')'; }).join(', ')
        : num(v.count) + ' × ' + esc(t('median')) + ' ' + num(v.median) + ', Σ ' + num(v.sum));
    }).join('<br>');
  }

  function query() {
    var q = new URLSearchParams();
    ['from', 'to', 'channel', 'lang', 'journey'].forEach(function (k) { if ($(k).value) q.set(k, $(k).value); });
    return q.toString();
  }

  /**
   * A gap's status, to change in place, and what the pages say of it now: answered since (a page
   * was written), or still asked without an answer after the team said it was written.
   */
  function gapStatus(gap, i) {
    var select = '<select data-gap="' + i + '" aria-label="' + esc(t('status')) + '">' + ['OPEN', 'WRITTEN', 'DISMISSED'].map(function (s) {
      return '<option value="' + s + '"' + (s === gap.status ? ' selected' : '') + '>' + esc(t('gap_' + s)) + '</option>';
    }).join('') + '</select>';
    var note = gap.answeredNow ? '<span class="good">' + esc(t('answered_now')) + '</span>'
      : gap.status === 'WRITTEN' && gap.askedSince ? '<span class="bad">' + esc(t('still_unanswered')) + '</span>' : '';
    return select + (note ? '<br>' + note : '');
  }

  function headers() {
    // A marketing account's console session travels in its cookie; the admin token, when given, in the header.
    var token = sessionStorage.getItem('guichet_admin_token');
    return token ? { Authorization: 'Bearer ' + token } : {};
  }

  function post(figure, body) {
    return fetch('/api/v1/analytics/' + figure, {
      method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json' }, headers()), body: JSON.stringify(body)
    }).then(function (r) {
      if (!r.ok) return r.json().then(function (failure) { throw new Error(failure.message); });
    });
  }

  function get(figure, params) {
    var token = sessionStorage.getItem('guichet_admin_token');
    return fetch('/api/v1/analytics/' + figure + '?' + (params || query()), { headers: headers() }).then(function (r) {
      if (r.status === 401 || r.status === 403) {
        sessionStorage.removeItem('guichet_admin_token');
        showLogin(!!token);
        throw new Error(t('bad_token'));
      }
      return r.json().then(function (body) { if (!r.ok) throw new Error(body.message); return body; });
    });
  }

  function load() {
    $('error').textContent = '';
    Promise.all(['overview', 'funnels', 'handoffs', 'answers', 'gaps', 'satisfaction', 'deliveries'].map(function (figure) { return get(figure); })
      .concat([get('labels', 'lang=' + ui)])).then(function (f) {
      labels = f[7];
      var o = f[0];
      $('tiles').innerHTML = [['conversations', o.conversations], ['messages', o.messages], ['fallbacks', o.fallbacks],
        ['out_of_scope', o.outOfScope], ['handed_off', o.handedOff]].map(function (x) {
        return '<div class="tile" data-figure="' + x[0] + '">' + esc(t(x[0])) + '<b>' + num(x[1]) + '</b></div>';
      }).join('');
      $('days').innerHTML = days(o.days);
      $('channels').innerHTML = bars(o.channels);
      $('journeys').innerHTML = bars(o.journeys);
      $('funnels').innerHTML = table('funnels', [
        { key: 'journey', value: function (r) { return r.journey; }, html: function (r) { return esc(named(r.journey)); } },
        { key: 'started', n: 1, value: function (r) { return r.started; } },
        { key: 'facts', n: 1, value: function (r) { return r.factsGiven; }, html: function (r) { return num(r.factsGiven) + ' <span class="muted">' + pct(r.factsGiven, r.started) + '</span>'; } },
        { key: 'recommended', n: 1, value: function (r) { return r.recommended; }, html: function (r) { return num(r.recommended) + ' <span class="muted">' + pct(r.recommended, r.factsGiven) + '</span>'; } },
        { key: 'consented', n: 1, value: function (r) { return r.consented; }, html: function (r) { return num(r.consented) + ' <span class="muted">' + pct(r.consented, r.factsGiven) + '</span>'; } },
        { key: 'leads', n: 1, value: function (r) { return r.leads; }, html: function (r) { return '<b data-leads="' + esc(r.journey) + '">' + num(r.leads) + '</b> <span class="muted">' + pct(r.leads, r.started) + '</span>'; } },
        { key: 'teams', value: function (r) { return r.teams.map(function (c) { return named(c.key) + ' ' + c.count; }).join(', '); } },
        { key: 'demand', value: function (r) { return JSON.stringify(r.demand); }, html: function (r) { return demand(r.journey, r.demand); } }
      ], f[1].funnels);
      var h = f[2];
      $('handoffs').innerHTML = '<div class="tiles"><div class="tile">' + esc(t('handed_off')) + '<b>' + num(h.handedOff) + '</b>'
        + pct(h.handedOff, h.conversations) + '</div><div class="tile">' + esc(t('median_wait')) + '<b>' + duration(h.medianWaitSeconds)
        + '</b></div><div class="tile">' + esc(t('p90_wait')) + '<b>' + duration(h.p90WaitSeconds) + '</b></div>'
        + '<div class="tile">' + esc(t('median_claim')) + '<b>' + duration(h.medianClaimSeconds) + '</b></div>'
        + '<div class="tile">' + esc(t('closed')) + '<b>' + num(h.closed) + '</b></div></div>'
        + table('handoffs', [
          { key: 'team', value: function (r) { return named(r.team); } },
          { key: 'handed_off', n: 1, value: function (r) { return r.handedOff; } },
          { key: 'claimed', n: 1, value: function (r) { return r.claimed; } },
          { key: 'closed', n: 1, value: function (r) { return r.closed; } },
          { key: 'unanswered', n: 1, value: function (r) { return r.unanswered; } },
          { key: 'median_wait', n: 1, value: function (r) { return r.medianWaitSeconds; }, html: function (r) { return duration(r.medianWaitSeconds); } }
        ], h.teams);
      var a = f[3];
      var page = { key: 'page', value: function (r) { return r.id; }, html: function (r) { return r.url ? '<a href="' + esc(r.url) + '">' + esc(r.title) + '</a>' : esc(r.title); } };
      $('answers').innerHTML = table('answers', [page, { key: 'quoted', n: 1, value: function (r) { return r.quoted; } }], a.quoted);
      $('never').innerHTML = table('never', [page, { key: 'updated', value: function (r) { return r.updated; } }], a.neverQuoted);
      $('outdated').innerHTML = table('outdated', [page, { key: 'updated', value: function (r) { return r.updated; } }], a.outdated);
      var gaps = f[4].gaps.filter(function (g) { return $('show-dismissed').checked || g.status !== 'DISMISSED'; });
      $('gaps').innerHTML = table('gaps', [
        { key: 'count', n: 1, value: function (r) { return r.count; } },
        { key: 'question', value: function (r) { return r.representative; } },
        { key: 'examples', value: function (r) { return r.examples.join(' | '); }, html: function (r) { return r.examples.map(esc).join('<br>'); } },
        { key: 'nearest', value: function (r) { return r.nearest ? r.nearest.id : ''; }, html: function (r) { return r.nearest ? esc(r.nearest.title) + ' <span class="muted">' + r.nearness.toFixed(2) + '</span>' : '—'; } },
        { key: 'status', value: function (r) { return t('gap_' + r.status); }, html: function (r, i) { return gapStatus(r, i); } }
      ], gaps);
      document.querySelectorAll('#gaps select').forEach(function (select) {
        select.addEventListener('change', function () {
          var gap = gaps[Number(select.getAttribute('data-gap'))];
          post('gaps/status', { questions: [gap.representative].concat(gap.examples), status: select.value }).then(load, function (e) {
            $('error').textContent = e.message;
          });
        });
      });
      var c = f[5];
      var scored = function (name) {
        return [{ key: name, value: function (r) { return r.key; }, html: function (r) { return esc(named(r.key)); } },
          { key: 'ratings', n: 1, value: function (r) { return r.count; } },
          { key: 'average', n: 1, value: function (r) { return r.average.toFixed(2); } }];
      };
      $('satisfaction').innerHTML = '<div class="tiles">' + [['ratings', num(c.ratings)],
        ['average', c.average == null ? '—' : c.average.toFixed(2) + ' / 5'], ['useful', num(c.useful)],
        ['not_useful', num(c.notUseful)]].map(function (x) {
        return '<div class="tile" data-figure="' + x[0] + '">' + esc(t(x[0])) + '<b>' + esc(x[1]) + '</b></div>';
      }).join('') + '</div>' + ratingDays(c.days)
        + '<h3>' + esc(t('by_journey_csat')) + '</h3>' + table('csat_journeys', scored('journey'), c.journeys)
        + '<h3>' + esc(t('by_team_csat')) + '</h3>' + table('csat_teams', scored('team'), c.teams);
      $('comments').innerHTML = table('comments', [
        { key: 'at', value: function (r) { return r.at.slice(0, 10); } },
        { key: 'score', n: 1, value: function (r) { return r.score; } },
        { key: 'team', value: function (r) { return r.team ? named(r.team) : ''; } },
        { key: 'comment', value: function (r) { return r.text; } }
      ], c.comments);
      $('thumbs').innerHTML = table('thumbs', [
        { key: 'page', value: function (r) { return r.page; } },
        { key: 'useful', n: 1, value: function (r) { return r.useful; } },
        { key: 'not_useful', n: 1, value: function (r) { return r.notUseful; } }
      ], c.pages);
      var team = { key: 'team', value: function (r) { return named(r.team); } };
      $('deliveries').innerHTML = table('deliveries', [team,
        { key: 'delivered', n: 1, value: function (r) { return r.delivered; } },
        { key: 'pending', n: 1, value: function (r) { return r.pending; } },
        { key: 'failed', n: 1, value: function (r) { return r.failed; }, html: function (r) { return r.failed ? '<span class="bad">' + num(r.failed) + '</span>' : num(0); } }
      ], f[6].teams);
      $('delivery-failures').innerHTML = table('delivery_failures', [
        { key: 'lead', n: 1, value: function (r) { return r.leadId; } },
        team,
        { key: 'attempts', n: 1, value: function (r) { return r.attempts; } },
        { key: 'error', value: function (r) { return r.lastError; } },
        { key: 'last_attempt', value: function (r) { return when(r.lastAttemptAt); } },
        { key: 'retry_at', value: function (r) { return r.retryAt ? when(r.retryAt) : t('given_up'); }, html: function (r) { return r.retryAt ? esc(when(r.retryAt)) : '<span class="bad">' + esc(t('given_up')) + '</span>'; } }
      ], f[6].failures);
    }).catch(function (e) {
      $('error').textContent = e.message;
    });
  }

  function csv(name) {
    var data = tables[name];
    if (!data) return;
    var cell = function (v) {
      var s = String(v == null ? '' : v);
      if (/^[=+\-@\t\r]/.test(s)) s = "'" + s; // a spreadsheet must not run a cell as a formula
      return '"' + s.replace(/"/g, '""') + '"';
    };
    var lines = [data.columns.map(function (c) { return cell(t(c.key)); }).join(',')].concat(data.rows.map(function (r) {
      return data.columns.map(function (c) { return cell(c.value(r)); }).join(',');
    }));
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob(['\ufeff' + lines.join('\r\n')], { type: 'text/csv;charset=utf-8' }));
    link.download = name + '.csv';
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function showLogin(refused) {
    $('login').hidden = false;
    $('app').hidden = true;
    $('login-error').textContent = refused ? t('bad_token') : '';
  }

  function start() {
    translate();
    $('login').hidden = true;
    $('app').hidden = false;
    load();
  }

  $('login-form').addEventListener('submit', function (e) {
    e.preventDefault();
    sessionStorage.setItem('guichet_admin_token', $('token').value);
    start();
  });
  ['from', 'to', 'channel', 'lang', 'journey', 'show-dismissed'].forEach(function (k) { $(k).addEventListener('change', load); });
  document.querySelectorAll('[data-csv]').forEach(function (b) { b.addEventListener('click', function () { csv(b.getAttribute('data-csv')); }); });
  $('ui-lang').addEventListener('click', function () {
    ui = ui === 'fr' ? 'en' : 'fr';
    localStorage.setItem('guichet_admin_lang', ui);
    start();
  });
  var today = new Date();
  $('to').value = today.toISOString().slice(0, 10);
  $('from').value = new Date(today.getTime() - 29 * 86400000).toISOString().slice(0, 10);
  start();
})();
