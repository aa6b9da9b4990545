/* Simulated TotalVoice webphone: the documented postMessage control protocol.
   Commands arrive from the host window; events go back to it. Every command is reported
   to the simulator, which keeps the log that tests and demos read. */
(function () {
  'use strict';

  var params = {};
  new URLSearchParams(location.search).forEach(function (v, k) { params[k] = v; });
  var tipo = params.tipo || (params.pop ? 'floating' : 'embedded');
  var fecharFim = params.fechar_fim === 'true';
  var host = window.parent !== window ? window.parent : (window.opener || null);

  var state = 'desconectado';
  var session = null;
  var cfg = { answer_delay_ms: 1500, keepalive_ms: 1000, stats_interval_ms: 5000 };
  var events = null;
  var timers = { keepalive: null, stats: null };
  var call = null;   /* {id, numero, direction: 'out'|'in', answered, muted, recording} */
  var mic = null;
  var rtts = [];
  var connecting = null;
  var queue = Promise.resolve();  /* commands and pushed events, one after the other */

  /* ------------------------------------------------------------------ events out */
  function emit(obj) {
    /* The vendor's page posts with '*': the host must check event.origin itself. */
    if (host) { host.postMessage(obj, '*'); }
    ui.onEvent(obj);
  }
  function setStatus(s) {
    state = s;
    emit({ message: 'status', status: s });
    ui.render();
  }
  function error(text) {
    /* a text and nothing else, as the vendor documents it (e.data.status_erro) */
    emit({ message: 'status_erro', status_erro: text });
    ui.error(text);
  }

  /* ------------------------------------------------------------------ server */
  function api(action, body) {
    return fetch('/w3/api/' + action, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body), cache: 'no-store'
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (d) {
        return { status: r.status, data: d };
      });
    }, function () { return { status: 0, data: {} }; });
  }
  function report(cmd, origin, source, accepted, reason) {
    return api('command', { session: session, command: cmd, origin: origin, source: source,
                            accepted: accepted, reason: reason })
      .then(function (r) { return r.data || {}; });
  }

  /* ------------------------------------------------------------------ registration */
  function micMessage(e) {
    var name = (e && e.name) || 'Error';
    if (name === 'NotFoundError' || name === 'OverconstrainedError') {
      return 'Nenhum microfone encontrado';
    }
    if (name === 'NotAllowedError' || name === 'AbortError' || name === 'SecurityError') {
      return 'Permissão de microfone negada';
    }
    return 'Microfone indisponível (' + name + ')';
  }

  function connect() {
    if (connecting) { return connecting; }
    connecting = doConnect().then(function (ok) { connecting = null; return ok; });
    return connecting;
  }
  function doConnect() {
    var getMic;
    if (mic) {
      getMic = Promise.resolve(mic);
    } else if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      getMic = Promise.reject({ name: 'NotSupportedError' });
    } else {
      getMic = navigator.mediaDevices.getUserMedia({ audio: true });
    }
    return getMic.then(function (stream) {
      mic = stream;
      return api('register', { query: params });
    }, function (e) {
      error(micMessage(e));
      return null;
    }).then(function (r) {
      if (!r) { return false; }
      if (r.status !== 200 || !r.data.ok) {
        error((r.data && r.data.error) || 'Falha ao registrar o ramal');
        return false;
      }
      session = r.data.session;
      cfg = r.data;
      ui.ramal(r.data.ramal);
      openEvents();
      timers.keepalive = setInterval(keepalive, cfg.keepalive_ms);
      timers.stats = setInterval(stats, cfg.stats_interval_ms);
      setStatus('conectado');
      return true;
    });
  }

  function openEvents() {
    events = new EventSource('/w3/api/events?session=' + encodeURIComponent(session));
    events.onmessage = function (ev) {
      var data;
      try { data = JSON.parse(ev.data); } catch (e) { return; }
      /* in the same line as the commands: a far-end hangup cannot overtake the dial */
      queue = queue.then(function () { onServerEvent(data); },
                         function () { onServerEvent(data); });
    };
    events.onerror = function () {
      if (events && events.readyState === EventSource.CLOSED) { lost('stream closed'); }
    };
  }

  function teardown() {
    clearInterval(timers.keepalive); clearInterval(timers.stats);
    timers.keepalive = timers.stats = null;
    if (events) { events.close(); events = null; }
    if (call) { clearTimeout(call.timer); call = null; }
    session = null;
  }
  function lost(reason) {
    if (state === 'desconectado') { return; }
    var s = session;
    teardown();
    if (s) { api('unregister', { session: s, reason: reason }); }
    setStatus('desconectado');
    ui.error('Desconectado: ' + reason);
  }
  function disconnect(reason) {
    var s = session;
    teardown();
    if (s) { api('unregister', { session: s, reason: reason }); }
    setStatus('desconectado');
  }

  function keepalive() {
    if (!session) { return; }
    var t0 = performance.now();
    api('keepalive', { session: session }).then(function (r) {
      rtts.push(performance.now() - t0);
      if (rtts.length > 20) { rtts.shift(); }
      if (r.status === 410) { lost('registro expirado'); }
    });
  }
  function stats() {
    var n = rtts.length || 1;
    var avg = rtts.reduce(function (a, b) { return a + b; }, 0) / n;
    /* plain values, as the vendor's samples print them ('Internet: ' + e.data.internet);
       what they measure (here: round trip in ms, CPU in %) is the simulator's own */
    emit({ message: 'stats_webphone', internet: Math.round(avg),
           computador: 5 + Math.round(Math.random() * 20) });
  }

  /* ------------------------------------------------------------------ calls */
  function endCall() {
    if (!call) { return; }
    clearTimeout(call.timer);
    call = null;
    setStatus('encerrada');
    if (fecharFim) { setTimeout(closeWindow, 300); }
  }
  function closeWindow() {
    /* Closes the page when it is a window of its own (the vendor's floating popup). Framed,
       it cannot close its host: the host reacts to 'encerrada' itself. */
    if (window.top === window) { window.close(); }
  }
  function validNumber(n) {
    return typeof n === 'string' || typeof n === 'number'
      ? /^\+?[0-9]{3,15}$/.test(String(n).replace(/[\s().-]/g, '')) : false;
  }

  function onServerEvent(ev) {
    switch (ev.type) {
      case 'incoming':
        if (call) { return; } /* busy: the PBX tries another agent */
        call = { id: ev.chamadaRecebidaId, numero: ev.numeroChegando, direction: 'in',
                 answered: false, muted: false };
        emit({ message: 'chegandoChamada', numeroChegando: ev.numeroChegando,
               numeroDestino: ev.numeroDestino, chamadaRecebidaId: ev.chamadaRecebidaId });
        ui.render();
        break;
      case 'answer':
        if (call && call.direction === 'out' && !call.answered) { answered(); }
        break;
      case 'hangup':
        endCall();
        break;
      case 'disconnect':
        lost('rede');
        break;
      case 'error':
        error(ev.status_erro || 'Erro no webphone');
        break;
      case 'expired':
      case 'ended':
        lost(ev.reason || 'registro encerrado');
        break;
    }
  }
  function started() {
    /* chamada_id: once per call, when it starts (dialled, or an incoming one answered) */
    if (call && !call.idSent) {
      call.idSent = true;
      emit({ message: 'chamada_id', chamada_id: call.id });
    }
  }
  function answered() {
    clearTimeout(call.timer);
    call.answered = true;
    call.since = Date.now();
    setStatus('conversando');
    started();
  }

  /* ------------------------------------------------------------------ commands in */
  function check(cmd) {
    var m = cmd.message;
    var online = state !== 'desconectado' && !!session;
    var talking = !!(call && call.answered);
    switch (m) {
      case 'conectar': return online ? 'já conectado' : null;
      case 'desconectar': return online ? null : 'não conectado';
      case 'chamaNumero':
        if (!online) { return 'não conectado'; }
        if (call) { return 'já em chamada'; }
        return validNumber(cmd.numero) ? null : 'número inválido';
      case 'answer':
        return call && call.direction === 'in' && !call.answered ? null : 'nenhuma chamada chegando';
      case 'hangup': return call ? null : 'nenhuma chamada';
      case 'enviaDTMF':
        if (!talking) { return 'nenhuma chamada em curso'; }
        return /^[0-9*#]$/.test(String(cmd.dtmf)) ? null : 'dígito DTMF inválido';
      case 'mute': return call ? null : 'nenhuma chamada';
      case 'transferir': case 'transferirConsulta':
        if (!talking) { return 'nenhuma chamada em curso'; }
        return validNumber(cmd.numeroTelefone) ? null : 'número inválido';
      case 'recStart': case 'recStop': return talking ? null : 'nenhuma chamada em curso';
      case 'pausarNaFila': case 'despausarNaFila': case 'entrarNaFila': case 'sairDaFila':
        return online ? null : 'não conectado';
    }
    return 'comando desconhecido';
  }

  /* Commands are handled one after the other, in the order they came, as a phone does. */
  function handle(cmd, origin, source) {
    queue = queue.then(function () { return handleNow(cmd, origin, source); },
                       function () { return handleNow(cmd, origin, source); });
    return queue;
  }

  function handleNow(cmd, origin, source) {
    var reason = check(cmd);
    if (cmd.message === 'conectar' && !reason) {
      return connect().then(function () { return report(cmd, origin, source, true, null); });
    }
    return report(cmd, origin, source, !reason, reason).then(function (reply) {
      if (!reason) { apply(cmd, reply); }
    });
  }

  function apply(cmd, reply) {
    var fila = cmd.filaId === undefined ? null : cmd.filaId;
    switch (cmd.message) {
      case 'desconectar': disconnect('comando desconectar'); break;
      case 'chamaNumero':
        call = { id: reply.chamada_id, numero: String(cmd.numero), direction: 'out',
                 answered: false, muted: false };
        setStatus('chamando');
        started();
        call.timer = setTimeout(function () {
          if (call && !call.answered && call.direction === 'out') { answered(); }
        }, cfg.answer_delay_ms);
        break;
      case 'answer': answered(); break;
      case 'hangup': endCall(); break;
      case 'transferir': endCall(); break;
      case 'transferirConsulta': call.consult = String(cmd.numeroTelefone); ui.render(); break;
      case 'mute': call.muted = !call.muted; ui.render(); break;
      case 'enviaDTMF': ui.dtmf(String(cmd.dtmf)); break;
      case 'recStart': call.recording = true; ui.render(); break;
      case 'recStop': call.recording = false; ui.render(); break;
      case 'pausarNaFila': emit({ message: 'pausou_na_fila', filaId: fila }); break;
      case 'despausarNaFila': emit({ message: 'despausou_na_fila', filaId: fila }); break;
      case 'entrarNaFila': emit({ message: 'entrou_na_fila', filaId: fila }); break;
      case 'sairDaFila': emit({ message: 'saiu_da_fila', filaId: fila }); break;
    }
  }

  window.addEventListener('message', function (event) {
    if (event.source === window) { return; }
    if (host && event.source !== host) { return; }
    var cmd = event.data;
    if (!cmd || typeof cmd !== 'object' || typeof cmd.message !== 'string') { return; }
    handle(cmd, event.origin, 'postMessage');
  });
  window.addEventListener('pagehide', function () {
    if (session && navigator.sendBeacon) {
      navigator.sendBeacon('/w3/api/unregister',
                           JSON.stringify({ session: session, reason: 'page closed' }));
    }
  });

  /* ------------------------------------------------------------------ the visible phone */
  var ui = (function () {
    var visible = tipo !== 'hidden';
    var $ = function (id) { return document.getElementById(id); };
    if (!visible) {
      return { onEvent: function () {}, render: function () {}, error: function () {},
               ramal: function () {}, dtmf: function () {} };
    }
    $('phone').hidden = false;
    function local(msg) { handle(msg, location.origin, 'ui'); }
    $('pad').addEventListener('click', function (e) {
      var k = e.target.getAttribute('data-k');
      if (!k) { return; }
      if (call && call.answered) { local({ message: 'enviaDTMF', dtmf: k }); }
      else { $('number').value += k; }
    });
    $('btn-call').addEventListener('click', function () {
      var n = $('number').value.trim();
      if (n) { local({ message: 'chamaNumero', numero: n }); }
    });
    $('number').addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { $('btn-call').click(); }
    });
    $('btn-answer').addEventListener('click', function () { local({ message: 'answer' }); });
    $('btn-hangup').addEventListener('click', function () { local({ message: 'hangup' }); });
    $('btn-mute').addEventListener('click', function () { local({ message: 'mute' }); });
    var ticker = setInterval(function () { if (call && call.answered) { render(); } }, 1000);
    void ticker;

    function fmt(sec) {
      var m = Math.floor(sec / 60), s = sec % 60;
      return (m < 10 ? '0' : '') + m + ':' + (s < 10 ? '0' : '') + s;
    }
    function render() {
      var st = $('status');
      st.textContent = state;
      st.className = 'pill st-' + state;
      var ringing = !!(call && call.direction === 'in' && !call.answered);
      $('ringing').hidden = !ringing;
      $('ringing-number').textContent = ringing ? call.numero : '';
      $('btn-answer').hidden = !ringing;
      $('btn-call').hidden = ringing;
      $('btn-call').disabled = !!call || state === 'desconectado';
      $('btn-hangup').disabled = !call;
      $('btn-mute').disabled = !call;
      $('btn-mute').setAttribute('aria-pressed', call && call.muted ? 'true' : 'false');
      var info = '';
      if (call) {
        info = (call.direction === 'in' ? 'De ' : 'Para ') + call.numero;
        if (call.answered) { info += ' · ' + fmt(Math.floor((Date.now() - call.since) / 1000)); }
        if (call.muted) { info += ' · mudo'; }
        if (call.recording) { info += ' · gravando'; }
        if (call.consult) { info += ' · consulta ' + call.consult; }
      }
      $('call-info').textContent = info;
      if (state !== 'desconectado') { $('error').hidden = true; }
    }
    return {
      onEvent: function () {},
      render: render,
      error: function (text) { $('error').textContent = text; $('error').hidden = false; },
      ramal: function (r) { $('ramal').textContent = 'Ramal ' + r; },
      dtmf: function (k) { $('call-info').textContent += ' ' + k; }
    };
  })();

  ui.render();
  connect().then(function (ok) {
    if (ok && params.ligar_para) {
      handle({ message: 'chamaNumero', numero: params.ligar_para }, location.origin, 'ligar_para');
    }
  });

  /* exposed for diagnostics only; the protocol is postMessage */
  window.__webphoneState = function () {
    return JSON.stringify({ state: state, session: !!session, tipo: tipo,
                            call: call ? { numero: call.numero, answered: call.answered,
                                           muted: call.muted, direction: call.direction } : null });
  };
})();
