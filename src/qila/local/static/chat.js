// Qila sandbox chat page: play WhatsApp users writing to Qila, watch the replies arrive, and
// operate the local stack (queue, dead letters, recent checks, fault injection).
// Plain JS, no build step. Untrusted text is only ever inserted as text nodes.
"use strict";

const $ = (id) => document.getElementById(id);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const ADDRESS_RE = /^whatsapp:\+[1-9]\d{6,14}$/;
const LEVELS = {
  likely_scam: "Likely scam",
  suspicious: "Suspicious",
  no_red_flags: "No red flags found",
  unable: "Could not check",
};

const state = {
  after: 0, // highest message seq seen
  loaded: false, // history loaded: announce only what arrives afterwards
  convs: new Map(), // sender address -> conversation
  bySid: new Map(), // message sid -> message
  current: null, // the open conversation
  attachment: null, // {name, type, data (base64), url (data: URL for the preview)}
  localId: 0,
};

// -- WhatsApp formatting: *bold*, _italic_, ~strike~, ```mono``` (line breaks via CSS) --------
const FORMAT_RE =
  /```([\s\S]+?)```|(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]*?\S)_(?![\w_])|(?<![\w~])~(?=\S)([^~\n]*?\S)~(?![\w~])/g;

function appendFormatted(parent, text) {
  let last = 0;
  for (const match of text.matchAll(FORMAT_RE)) {
    if (match.index > last) parent.append(text.slice(last, match.index));
    const [tag, inner] =
      match[1] !== undefined ? ["code", match[1]]
      : match[2] !== undefined ? ["strong", match[2]]
      : match[3] !== undefined ? ["em", match[3]]
      : ["s", match[4]];
    const el = document.createElement(tag);
    if (tag === "code") el.textContent = inner;
    else appendFormatted(el, inner); // *_bold italic_*
    parent.append(el);
    last = match.index + match[0].length;
  }
  if (last < text.length) parent.append(text.slice(last));
}

const plain = (text) => text.replace(/[*_~`]/g, "").split("\n").find((l) => l.trim()) || "";

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "class") node.className = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

function clock(epochSeconds) {
  const date = new Date(epochSeconds * 1000);
  return el("time", { datetime: date.toISOString() },
    date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }));
}

const displayNumber = (address) => address.replace(/^whatsapp:/, "");

// -- conversations ------------------------------------------------------------------------
function conversation(number, profile) {
  let conv = state.convs.get(number);
  if (!conv) {
    conv = { number, profile: profile || "", messages: [], unread: 0 };
    const button = el("button", { type: "button" });
    button.addEventListener("click", () => openConversation(conv.number));
    conv.item = el("li", {}, button);
    state.convs.set(number, conv);
    $("chat-list").append(conv.item);
  } else if (profile && !conv.profile) {
    conv.profile = profile;
  }
  renderListItem(conv);
  return conv;
}

function renderListItem(conv) {
  const button = conv.item.firstChild;
  const name = conv.profile || displayNumber(conv.number);
  const last = conv.messages.at(-1);
  const preview = last ? (last.direction === "inbound" ? "You: " : "Qila: ") +
    (plain(last.body) || (last.media.length ? "Photo" : "")) : "No messages yet";
  const unread = conv.unread ? String(conv.unread) : "";
  button.replaceChildren(
    el("span", { class: "avatar", "aria-hidden": "true" }, name.replace(/^\+/, "").charAt(0).toUpperCase()),
    el("span", { class: "name" }, name),
    el("span", { class: "unread" }, unread),
    el("span", { class: "number" }, displayNumber(conv.number)),
    el("span", { class: "preview" }, preview),
  );
  button.setAttribute("aria-label", `${name}, ${displayNumber(conv.number)}` +
    (unread ? `, ${unread} unread` : "") + `. ${preview}`);
  button.setAttribute("aria-current", String(conv === state.current));
  button.dataset.number = conv.number;
}

function openConversation(number) {
  const previous = state.current;
  const conv = conversation(number);
  state.current = conv;
  conv.unread = 0;
  if (previous) renderListItem(previous);
  renderListItem(conv);
  $("chat-sender").textContent =
    `${conv.profile || "no profile name"} (${displayNumber(conv.number)})`;
  $("profile-name").value = conv.profile;
  const list = $("messages");
  list.replaceChildren(...conv.messages.map(messageElement));
  if (!conv.messages.length) {
    list.append(el("li", { class: "empty" }, "Send Qila a message you are unsure about."));
  }
  scrollToEnd();
}

function scrollToEnd() {
  const list = $("messages");
  list.scrollTop = list.scrollHeight;
}

// -- messages -----------------------------------------------------------------------------
function numberOf(message) {
  return message.direction === "inbound" ? message.from : message.to;
}

// Twilio-style media URLs end in the media sid; the page reads them through /api/media/.
const mediaSrc = (media) => `/api/media/${encodeURIComponent(media.url.split("/").pop())}`;

function messageElement(message) {
  if (message.el) return message.el;
  const inbound = message.direction === "inbound";
  const li = el("li", { class: `msg ${inbound ? "in" : "out"}` });
  for (const media of message.media || []) {
    const src = media.preview || mediaSrc(media);
    li.append(el("img", { src, alt: inbound ? "Image you sent" : "Image from Qila", loading: "lazy" }));
  }
  const body = el("span", { class: "body" });
  appendFormatted(body, message.body || "");
  li.append(el("span", { class: "sr-only" }, inbound ? "You: " : "Qila: "), body);
  li.append(el("span", { class: "meta" }));
  message.el = li;
  updateMeta(message);
  return li;
}

function statusOf(message) {
  if (message.direction !== "inbound") {
    return message.error_code ? [`⚠ error ${message.error_code}`, "problem"] : ["", ""];
  }
  if (message.failed) return [`⚠ not sent: ${message.failed}`, "problem"];
  if (message.pending) return ["sending…", ""];
  if (message.replied) return ["✓✓ replied", "replied"];
  const code = message.webhook_status;
  if (code === null || code === undefined) return ["✓ sent", ""];
  if (code === 200) return ["✓✓ queued (webhook 200)", ""];
  return [code ? `⚠ webhook ${code}` : "⚠ webhook unreachable", "problem"];
}

function updateMeta(message) {
  if (!message.el) return;
  const [text, kind] = statusOf(message);
  const meta = message.el.querySelector(".meta");
  meta.replaceChildren(clock(message.created));
  if (text) meta.append(" ", el("span", { class: `status ${kind}` }, text));
  message.el.classList.toggle("pending", Boolean(message.pending));
  message.el.classList.toggle("failed", Boolean(message.failed));
}

function addToConversation(message) {
  const conv = conversation(numberOf(message), message.direction === "inbound" ? message.profile_name : "");
  conv.messages.push(message);
  if (conv === state.current) {
    $("messages").querySelector(".empty")?.remove();
    $("messages").append(messageElement(message));
    scrollToEnd();
  } else if (message.direction !== "inbound") {
    conv.unread += 1;
  }
  renderListItem(conv);
  return conv;
}

function receive(doc) {
  const conv = state.convs.get(numberOf(doc));
  // The page's own message, shown before the sandbox confirmed it: adopt the server's copy.
  const own = state.bySid.get(doc.sid) || (doc.direction === "inbound" && conv?.messages.find((m) =>
    m.pending && !m.sid && m.body === doc.body && m.media.length === doc.media.length));
  if (own) {
    Object.assign(own, { sid: doc.sid, seq: doc.seq, created: doc.created, media: doc.media });
    if (doc.webhook_status !== null) own.webhook_status = doc.webhook_status;
    state.bySid.set(doc.sid, own);
    // From now on the image comes from the sandbox, as Qila's processor fetched it.
    own.el?.querySelectorAll("img").forEach((img, i) => { img.src = mediaSrc(doc.media[i]); });
    updateMeta(own);
    return;
  }
  const message = { ...doc, media: doc.media || [] };
  state.bySid.set(doc.sid, message);
  if (doc.direction === "outbound-api" && conv) {
    const answered = conv.messages.find((m) => m.direction === "inbound" && !m.replied && m.seq < doc.seq);
    if (answered) {
      answered.replied = true;
      updateMeta(answered);
    }
  }
  addToConversation(message);
  if (state.loaded) announce(message);
}

function announce(message) {
  const conv = state.convs.get(numberOf(message));
  const who = conv.profile || displayNumber(conv.number);
  let text;
  if (message.direction === "inbound") text = conv === state.current ? "" : `New message from ${who}`;
  else text = conv === state.current ? `Qila replied: ${plain(message.body)}` : `Qila replied to ${who}`;
  if (text) $("announcer").textContent = text;
}

async function pollMessages() {
  for (;;) {
    try {
      const wait = state.loaded ? 25 : 0;
      const response = await fetch(`/api/messages?after=${state.after}&wait=${wait}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      for (const doc of (await response.json()).messages) {
        state.after = Math.max(state.after, doc.seq);
        receive(doc);
      }
      state.loaded = true;
    } catch {
      await sleep(1500);
    }
  }
}

// -- sending ------------------------------------------------------------------------------
async function sendMessage(event) {
  event.preventDefault();
  const input = $("composer-body");
  const text = input.value;
  const attachment = state.attachment;
  const conv = state.current;
  $("composer-error").textContent = "";
  if (!text.trim() && !attachment) {
    $("composer-error").textContent = "Type a message or attach an image first.";
    return;
  }
  const message = {
    sid: null, seq: Infinity, direction: "inbound", from: conv.number, to: "", body: text,
    created: Date.now() / 1000, pending: true, webhook_status: null,
    media: attachment ? [{ preview: attachment.url, content_type: attachment.type }] : [],
  };
  addToConversation(message);
  input.value = "";
  autosize();
  clearAttachment();
  try {
    const response = await fetch("/api/send", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        from: conv.number, body: text, profile_name: conv.profile,
        media: attachment ? [{ content_type: attachment.type, data: attachment.data }] : [],
      }),
    });
    const doc = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(doc.error || `HTTP ${response.status}`);
    const known = state.bySid.get(doc.sid);
    if (known && known !== message) { // the poll delivered it first and it was not adopted
      message.el?.remove();
      conv.messages.splice(conv.messages.indexOf(message), 1);
      known.webhook_status = doc.webhook_status;
      updateMeta(known);
      return;
    }
    Object.assign(message, { sid: doc.sid, seq: doc.seq, pending: false, webhook_status: doc.webhook_status });
    state.bySid.set(doc.sid, message);
  } catch (error) {
    message.pending = false;
    message.failed = error.message || "network error";
  }
  updateMeta(message);
}

function autosize() {
  const input = $("composer-body");
  input.style.height = "auto";
  input.style.height = `${Math.min(input.scrollHeight + 2, 144)}px`;
}

// -- attachments --------------------------------------------------------------------------
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

function attachFile(file) {
  $("composer-error").textContent = "";
  if (!file) return;
  if (!file.type.startsWith("image/")) {
    $("composer-error").textContent = "Only images can be attached.";
    return;
  }
  if (file.size > MAX_IMAGE_BYTES) {
    $("composer-error").textContent = "That image is larger than 8 MB.";
    return;
  }
  const reader = new FileReader();
  reader.onload = () => {
    const url = String(reader.result);
    state.attachment = { name: file.name, type: file.type, url, data: url.slice(url.indexOf(",") + 1) };
    $("attachment-preview").src = url;
    $("attachment-name").textContent = file.name;
    $("attachment").hidden = false;
  };
  reader.readAsDataURL(file);
}

function clearAttachment() {
  state.attachment = null;
  $("attach-input").value = "";
  $("attachment").hidden = true;
  $("attachment-preview").removeAttribute("src");
}

// -- new chats ----------------------------------------------------------------------------
function startChat(event) {
  event.preventDefault();
  const raw = $("new-number").value.replace(/[\s().-]/g, "").replace(/^whatsapp:/, "");
  const number = `whatsapp:${raw.startsWith("+") ? raw : `+${raw}`}`;
  if (!ADDRESS_RE.test(number)) {
    $("new-chat-error").textContent = "Enter a number in international format, like +6598765432.";
    $("new-number").setAttribute("aria-invalid", "true");
    $("new-number").focus();
    return;
  }
  $("new-number").removeAttribute("aria-invalid");
  $("new-chat-error").textContent = "";
  const conv = conversation(number);
  const profile = $("new-profile").value.trim();
  if (profile) conv.profile = profile;
  openConversation(number);
  event.target.reset();
  $("new-chat").open = false;
  $("composer-body").focus();
}

// -- operator panel -----------------------------------------------------------------------
async function api(path, payload) {
  const response = await fetch(path, payload === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload),
  });
  const doc = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(doc.error || `HTTP ${response.status}`);
  return doc;
}

const rendered = { dlq: "", checks: "" };

function renderStats(queue) {
  $("stat-visible").textContent = queue.visible;
  $("stat-in-flight").textContent = queue.in_flight;
  $("stat-dead").textContent = queue.dead;
  $("stat-dead").classList.toggle("alert", queue.dead > 0);
  $("redrive-all").disabled = queue.dead === 0;
  $("purge-all").disabled = queue.dead === 0;
}

function renderDeadLetters(letters) {
  const signature = JSON.stringify(letters);
  if (signature === rendered.dlq) return; // keep focus on the buttons while nothing changed
  rendered.dlq = signature;
  $("dlq-list").replaceChildren(...letters.map((letter) => {
    const short = letter.id.slice(0, 8);
    const redrive = el("button", { type: "button", "aria-label": `Redrive dead letter ${short}` }, "Redrive");
    const purge = el("button", { type: "button", class: "danger", "aria-label": `Purge dead letter ${short}` }, "Purge");
    redrive.addEventListener("click", () => dlqAction("redrive", [letter.id]));
    purge.addEventListener("click", () => dlqAction("purge", [letter.id]));
    return el("li", {},
      el("strong", {}, short), ` · ${letter.sent_at} UTC · ${letter.receives} receives`,
      letter.sender ? ` · ${letter.sender}` : "",
      el("p", { class: "reason" }, letter.reason),
      el("div", { class: "actions" }, redrive, purge));
  }));
  if (!letters.length) $("dlq-list").append(el("li", { class: "hint" }, "No dead letters."));
}

function renderChecks(checks) {
  const signature = JSON.stringify(checks);
  if (signature === rendered.checks) return;
  rendered.checks = signature;
  const rows = checks.map((check) => {
    const timings = check.timings || {};
    const took = timings.total_ms !== undefined ? `${Math.round(timings.total_ms)} ms` : "–";
    const end = timings.since_received_ms !== undefined
      ? el("span", { class: "reason" }, `${(timings.since_received_ms / 1000).toFixed(1)} s in all`) : "";
    const level = el("span", { class: `level ${check.level}` }, LEVELS[check.level] || check.level);
    const reason = (check.reasons || [])[0];
    return el("tr", {},
      el("td", {}, check.created_at ? clock(check.created_at) : "–"),
      el("td", {}, level, reason ? el("span", { class: "reason" }, reason) : "",
        check.num_media ? el("span", { class: "reason" }, `${check.num_media} image(s)`) : ""),
      el("td", {}, check.score === undefined || check.score === null ? "–" : String(check.score)),
      el("td", { class: "took" }, took, end));
  });
  if (!rows.length) rows.push(el("tr", {}, el("td", { colspan: "4", class: "hint" }, "No checks yet.")));
  $("checks").tBodies[0].replaceChildren(...rows);
}

async function refreshOps() {
  try {
    const doc = await api("/api/ops/overview");
    renderStats(doc.queue);
    renderDeadLetters(doc.dead_letters);
    renderChecks(doc.checks);
    $("ops-updated").textContent = `Updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    $("ops-updated").textContent = `Operator data unavailable: ${error.message}`;
  }
}

async function pollOps() {
  for (;;) {
    if (!document.hidden) await refreshOps();
    await sleep(2000);
  }
}

async function dlqAction(action, ids) {
  if (action === "purge" && !confirm(ids ? "Delete this dead letter for good?" : "Delete every dead letter for good?")) return;
  try {
    const doc = await api(`/api/ops/dlq/${action}`, ids ? { ids } : {});
    $("dlq-status").textContent = action === "redrive"
      ? `Redrove ${doc.redriven} message(s) to the queue.` : `Purged ${doc.purged} dead letter(s).`;
  } catch (error) {
    $("dlq-status").textContent = `Could not ${action}: ${error.message}`;
  }
  await refreshOps();
}

// -- fault injection ----------------------------------------------------------------------
function fillFaults(faults) {
  const form = $("faults-form");
  for (const name of ["transient_rate", "latency_ms", "timeout_rate", "timeout_s", "media_not_ready"]) {
    form.elements[name].value = faults[name];
  }
  form.elements.permanent.value = Object.entries(faults.permanent || {})
    .map(([number, code]) => `${number}=${code}`).join(", ");
}

function readFaults() {
  const form = $("faults-form");
  const faults = { permanent: {} };
  for (const name of ["transient_rate", "latency_ms", "timeout_rate", "timeout_s", "media_not_ready"]) {
    const value = Number(form.elements[name].value || 0);
    const input = form.elements[name];
    if (!Number.isFinite(value) || value < 0 || (input.max && value > Number(input.max))) {
      input.focus();
      throw new Error(`${input.labels[0].textContent} must be between ${input.min} and ${input.max || "∞"}`);
    }
    faults[name] = value;
  }
  for (const pair of form.elements.permanent.value.split(",").map((p) => p.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf("=");
    const number = pair.slice(0, at).trim();
    const code = pair.slice(at + 1).trim();
    if (at < 1 || !/^\d+$/.test(code)) throw new Error(`expected number=code, got "${pair}"`);
    faults.permanent[number.startsWith("whatsapp:") ? number : `whatsapp:${number}`] = Number(code);
  }
  return faults;
}

async function applyFaults(changes, done) {
  try {
    fillFaults(await api("/api/faults", changes));
    $("faults-status").textContent = done;
  } catch (error) {
    $("faults-status").textContent = `Not applied: ${error.message}`;
  }
}

// -- start --------------------------------------------------------------------------------
function start() {
  $("composer").addEventListener("submit", sendMessage);
  document.querySelector(".skip").addEventListener("click", (event) => {
    event.preventDefault();
    $("composer-body").focus();
  });
  $("composer-body").addEventListener("input", autosize);
  $("composer-body").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });
  $("attach").addEventListener("click", () => $("attach-input").click());
  $("attach-input").addEventListener("change", (event) => attachFile(event.target.files[0]));
  $("attachment-remove").addEventListener("click", () => {
    clearAttachment();
    $("composer-body").focus();
  });
  $("profile-name").addEventListener("input", (event) => {
    state.current.profile = event.target.value.trim();
    renderListItem(state.current);
    $("chat-sender").textContent =
      `${state.current.profile || "no profile name"} (${displayNumber(state.current.number)})`;
  });
  $("new-chat-form").addEventListener("submit", startChat);
  $("redrive-all").addEventListener("click", () => dlqAction("redrive", null));
  $("purge-all").addEventListener("click", () => dlqAction("purge", null));
  $("faults-form").addEventListener("submit", (event) => {
    event.preventDefault();
    try {
      applyFaults(readFaults(), "Faults applied.");
    } catch (error) {
      $("faults-status").textContent = `Not applied: ${error.message}`;
    }
  });
  $("faults-reset").addEventListener("click", () => applyFaults(
    { transient_rate: 0, latency_ms: 0, timeout_rate: 0, media_not_ready: 0, permanent: {} },
    "Faults cleared."));

  conversation("whatsapp:+6591234567", "Aisha");
  openConversation("whatsapp:+6591234567");
  api("/api/health").then((doc) => { $("qila-number").textContent = `at ${displayNumber(doc.phone_number)}`; }, () => {});
  api("/api/faults").then(fillFaults, () => {});
  pollMessages();
  pollOps();
}

document.addEventListener("DOMContentLoaded", start);
