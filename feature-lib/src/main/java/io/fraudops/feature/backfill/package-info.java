/**
 * Loading a history of card payments, with their fraud labels, into the offline store, then
 * rebuilding the customer profiles and the online state from it.
 *
 * <h2>CSV schema</h2>
 *
 * <p>UTF-8, comma-separated, one header row, one payment per line; a field may be double-quoted (a
 * quote inside is doubled) but may not span lines. Column order is free; columns are found by
 * header name, and {@link io.fraudops.feature.backfill.ColumnMapping} renames them for files that
 * use other names ({@code --map amount=amt,timestamp=trans_date_trans_time}). Unknown columns are
 * ignored. An empty field is an absent value.
 *
 * <table>
 *   <caption>Columns</caption>
 *   <tr><th>column</th><th>required</th><th>meaning</th></tr>
 *   <tr><td>transaction_id</td><td>yes</td><td>unique id, at most 64 characters; a re-loaded id is skipped</td></tr>
 *   <tr><td>customer_id</td><td>yes</td><td>at most 64 characters</td></tr>
 *   <tr><td>card_number</td><td>no</td><td>the full number, masked and fingerprinted (keyed) on ingest, never
 *       stored or reported in clear. An already masked number is refused (it cannot be fingerprinted):
 *       leave the field empty instead</td></tr>
 *   <tr><td>amount</td><td>yes</td><td>greater than 0, at most 1,000,000, at most 2 decimals</td></tr>
 *   <tr><td>currency</td><td>yes</td><td>ISO 4217, upper case: {@code EUR}</td></tr>
 *   <tr><td>merchant_id</td><td>yes</td><td>at most 64 characters</td></tr>
 *   <tr><td>merchant_category</td><td>yes</td><td>at most 64 characters, e.g. {@code grocery}</td></tr>
 *   <tr><td>country</td><td>yes</td><td>ISO 3166 alpha-2, upper case: {@code FR}</td></tr>
 *   <tr><td>latitude, longitude</td><td>no</td><td>decimal degrees; both or neither (online payments have none)</td></tr>
 *   <tr><td>channel</td><td>yes</td><td>{@code POS}, {@code ECOM} or {@code ATM}</td></tr>
 *   <tr><td>timestamp</td><td>yes</td><td>ISO-8601 with an offset: {@code 2025-01-31T12:00:00Z}; not in the future</td></tr>
 *   <tr><td>device_id</td><td>no</td><td>at most 64 characters; stored, feeds the per-device features</td></tr>
 *   <tr><td>fraud_label</td><td>no</td><td>{@code true}/{@code false} (or {@code 1}/{@code 0}); empty: no label</td></tr>
 *   <tr><td>label_source</td><td>no</td><td>{@code analyst}, {@code chargeback} or {@code import} (the default)</td></tr>
 *   <tr><td>label_known_at</td><td>no</td><td>ISO-8601 instant the label became known, not before the payment;
 *       default: the payment's timestamp plus {@link io.fraudops.feature.backfill.BackfillOptions#DEFAULT_LABEL_DELAY}</td></tr>
 * </table>
 *
 * <p>Each row passes the checks live payments pass ({@link
 * io.fraudops.feature.transaction.TransactionParser}). A row that fails is not loaded, label
 * included; it goes to the report with its line number and the reasons, and the run goes on.
 */
package io.fraudops.feature.backfill;
