// The review page: the pending reviews of the local inbox, highest priority first (score and amount), and the
// review form rendered by form-js as Camunda Tasklist renders it (only the variables getSchemaVariables finds
// are passed). Completing sends the form's answer to POST /reviews/{key}, the same call as any client of the
// HTTP API, with the credentials the browser holds for this site (its own HTTP Basic login: the page and its
// files need the ANALYST role too); who decides is taken from that authentication, never from the page.
// Everything shown goes through textContent or form-js.
'use strict';

(() => {
  const FORM = 'forms/manual-review.form';
  const api = (path) => new URL('../' + path, document.baseURI).toString();
  const $ = (id) => document.getElementById(id);

  let schema = null;
  let form = null;
  let current = null;

  async function request(url, options = {}) {
    const headers = { Accept: 'application/json' };
    if (options.body) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(url, { credentials: 'same-origin', ...options, headers });
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    if (!response.ok) {
      const why = body && (body.error || body.message);
      throw new Error(why || `${response.status} ${response.statusText}`.trim());
    }
    return body;
  }

  /** The process variables of the review task, under the names the form reads. */
  function formVariables(review) {
    return {
      transactionId: review.transactionId,
      transaction: review.transaction,
      score: review.score,
      modelVersion: review.modelVersion,
      decision: review.decision ?? { outcome: 'REVIEW', rule: review.rule, reason: review.reason },
      // The display text the workers composed from the table's Reason (the form shows it, not the template).
      reviewReason: review.reason,
      reviewPriority: review.priority,
      degradedReason: review.degradedReason ?? null,
      topReasons: review.topReasons,
      features: review.features,
    };
  }

  function waiting(since) {
    const minutes = Math.max(0, Math.round((Date.now() - Date.parse(since)) / 60000));
    return minutes < 60 ? `${minutes} min` : minutes < 2880 ? `${Math.round(minutes / 60)} h` : `${Math.round(minutes / 1440)} d`;
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  async function loadInbox() {
    const status = $('inbox-status');
    let reviews;
    try {
      reviews = await request(api('reviews'));
    } catch (e) {
      status.textContent = `Cannot list the reviews: ${e.message}`;
      return;
    }
    const body = $('reviews').tBodies[0];
    body.replaceChildren();
    // The inbox answers highest priority first: kept in that order.
    for (const review of reviews) {
      const row = document.createElement('tr');
      row.dataset.key = review.key;
      row.dataset.transactionId = review.transactionId ?? '';
      const tx = review.transaction ?? {};
      cell(row, review.priority == null ? '' : String(review.priority), 'priority');
      cell(row, review.score == null ? 'no score' : review.score.toFixed(3),
        'score' + (review.score != null && review.score >= 0.9 ? ' high' : ''));
      cell(row, (review.rule ?? '') + (review.escalatedAt ? ' (escalated)' : ''));
      cell(row, tx.amount == null ? '' : `${tx.amount} ${tx.currency ?? ''}`.trim());
      cell(row, [tx.merchantId, tx.merchantCategory && `(${tx.merchantCategory})`].filter(Boolean).join(' '));
      cell(row, review.waitingSince ? waiting(review.waitingSince) : '');
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'link';
      open.textContent = review.transactionId ?? String(review.key);
      open.setAttribute('aria-label', `Review payment ${review.transactionId ?? review.key}`);
      cell(row, '').appendChild(open);
      row.addEventListener('click', () => openReview(review.key));
      body.appendChild(row);
    }
    status.textContent = reviews.length === 0 ? 'Nothing to review.'
      : `${reviews.length} payment${reviews.length === 1 ? '' : 's'} waiting for an analyst.`;
  }

  async function openReview(key) {
    $('notice').textContent = '';
    $('task-error').textContent = '';
    try {
      const review = await request(api('reviews/' + encodeURIComponent(key)));
      schema = schema ?? await request(FORM);
      const variables = formVariables(review);
      // As Tasklist: only the variables the form names are fetched and passed as its data.
      const names = FormViewer.getSchemaVariables(schema);
      const data = Object.fromEntries(names.filter((n) => n in variables).map((n) => [n, variables[n]]));
      if (form) {
        form.destroy();
      }
      const container = $('form');
      container.replaceChildren();
      form = new FormViewer.Form({ container });
      await form.importSchema(schema, data);
      current = review;
      $('task-title').textContent = `Review payment ${review.transactionId ?? review.key}`;
      $('inbox').hidden = true;
      $('task').hidden = false;
      $('task-title').focus();
    } catch (e) {
      $('inbox-status').textContent = `Cannot open review ${key}: ${e.message}`;
      await loadInbox();
    }
  }

  function closeReview() {
    if (form) {
      form.destroy();
      form = null;
    }
    current = null;
    $('task').hidden = true;
    $('inbox').hidden = false;
  }

  async function complete() {
    $('task-error').textContent = '';
    const { data, errors } = form.submit();
    if (Object.keys(errors).length > 0) {
      $('task-error').textContent = 'Choose a decision and say what you checked.';
      return;
    }
    const button = $('complete');
    button.disabled = true;
    try {
      const result = await request(api('reviews/' + encodeURIComponent(current.key)), {
        method: 'POST',
        body: JSON.stringify({ decision: data.reviewDecision, comment: data.reviewComment }),
      });
      const verb = result.decision === 'DECLINE' ? 'Declined' : 'Approved';
      closeReview();
      $('notice').textContent = `${verb} payment ${result.transactionId}: the decision is recorded as ${result.reviewedBy}'s.`;
      await loadInbox();
    } catch (e) {
      $('task-error').textContent = `Not completed: ${e.message}`;
    } finally {
      button.disabled = false;
    }
  }

  $('refresh').addEventListener('click', loadInbox);
  $('close').addEventListener('click', async () => {
    closeReview();
    await loadInbox();
  });
  $('complete').addEventListener('click', complete);
  // New reviews arrive while the list is open.
  setInterval(() => {
    if (!current) {
      loadInbox();
    }
  }, 15000);
  loadInbox();
})();
