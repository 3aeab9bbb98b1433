/*
 * The console's login page. The server answers 200 with a session cookie (HttpOnly: this script
 * never sees it), and /agent then serves the console instead of this page.
 */
(function () {
  'use strict';

  var TEXT = {
    missing: 'Saisissez votre identifiant et votre mot de passe.',
    pending: 'Connexion…',
    submit: 'Se connecter',
    network: 'Le serveur ne répond pas. Vérifiez votre connexion, puis réessayez.',
    cookieRefused: 'Connexion acceptée, mais le navigateur a refusé le cookie de session : la console doit être ouverte en HTTPS.',
    generic: 'La connexion a échoué. Réessayez dans un instant.'
  };

  var form = document.getElementById('login-form');
  var idField = document.getElementById('login-id');
  var passwordField = document.getElementById('login-password');
  var submit = document.getElementById('login-submit');
  var error = document.getElementById('login-error');

  function showError(message) {
    error.textContent = message;
    error.hidden = false;
  }

  function setPending(pending) {
    submit.disabled = pending;
    submit.textContent = pending ? TEXT.pending : TEXT.submit;
    form.setAttribute('aria-busy', pending ? 'true' : 'false');
  }

  /**
   * The session cookie is Secure: over plain HTTP (anywhere but localhost) the browser drops it,
   * and /agent would show this page again without a word. Checked, so it can be said.
   */
  function sessionHeld() {
    return fetch('/api/v1/agent/me', { credentials: 'same-origin', cache: 'no-store' }).then(function (response) {
      return response.status !== 401;
    }, function () {
      return true; // A network hiccup now: let /agent decide.
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var id = idField.value.trim();
    var password = passwordField.value;
    if (!id || !password) {
      showError(TEXT.missing);
      (id ? passwordField : idField).focus();
      return;
    }
    error.hidden = true;
    setPending(true);
    fetch('/agent/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Guichet-Console': '1' },
      body: JSON.stringify({ id: id, password: password })
    }).then(function (response) {
      if (response.ok) {
        return sessionHeld().then(function (held) {
          if (held) {
            window.location.href = '/agent';
          } else {
            showError(TEXT.cookieRefused);
            setPending(false);
          }
        });
      }
      // The server's own words: it knows whether it was a wrong password or too many attempts.
      return response.json().catch(function () { return null; }).then(function (data) {
        showError(data && typeof data.message === 'string' && data.message ? data.message : TEXT.generic);
        setPending(false);
        passwordField.value = '';
        passwordField.focus();
      });
    }, function () {
      showError(TEXT.network);
      setPending(false);
    });
  });

  idField.focus();
})();
