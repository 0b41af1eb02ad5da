/**
 * Loading a history of card payments, with their fraud labels, into the offline store, then
 * rebuilding the customer profiles (and, when asked, the online state) from it.
 *
 * <h2>CSV schema</h2>
 *
 * <p>UTF-8, comma-separated, one header row, one payment per line; a field may be double-quoted (a
 * quote inside is doubled) but may not span lines. Column order is free; columns are found by
 * header name. {@link io.fraudops.feature.backfill.ColumnMapping} says where a column is in files
 * named otherwise ({@code amount=amt}) or gives it one value for every row ({@code currency=USD});
 * {@link io.fraudops.feature.backfill.HistoryFormat} holds ready mappings ({@code kaggle}: the
 * public {@code fraudTrain.csv} datasets). Unknown columns are ignored. An empty field is an absent
 * value.
 *
 * <table>
 *   <caption>Columns</caption>
 *   <tr><th>column</th><th>required</th><th>meaning</th></tr>
 *   <tr><td>transaction_id</td><td>yes</td><td>unique id, at most 64 characters; a repeat (in the file, or
 *       of another payment in the ledger) is reported as a duplicate and not loaded; the same payment loaded
 *       again is counted as already present</td></tr>
 *   <tr><td>customer_id</td><td>unless card_number</td><td>at most 64 characters; without the column, the
 *       card's keyed fingerprint (HMAC-SHA-256 under the card key) is the
 *       customer id (public datasets: one card per person)</td></tr>
 *   <tr><td>card_number</td><td>no</td><td>the full number, masked and fingerprinted (keyed) on ingest, never
 *       stored or reported in clear. An already masked number is refused (it cannot be fingerprinted):
 *       leave the field empty instead. A customer_id holding the card number is refused</td></tr>
 *   <tr><td>amount</td><td>yes</td><td>greater than 0, at most 1,000,000, at most 2 decimals</td></tr>
 *   <tr><td>currency</td><td>no</td><td>ISO 4217, upper case; default {@value HistoryColumns#DEFAULT_CURRENCY}</td></tr>
 *   <tr><td>merchant_id</td><td>yes</td><td>at most 64 characters</td></tr>
 *   <tr><td>merchant_category</td><td>yes</td><td>at most 64 characters, e.g. {@code grocery}</td></tr>
 *   <tr><td>country</td><td>no</td><td>ISO 3166 alpha-2, upper case; default {@value HistoryColumns#DEFAULT_COUNTRY}</td></tr>
 *   <tr><td>latitude, longitude</td><td>no</td><td>where the payment was made, decimal degrees; both or
 *       neither (online payments have none)</td></tr>
 *   <tr><td>channel</td><td>no</td><td>{@code POS}, {@code ECOM} or {@code ATM}; default {@code POS} for a
 *       payment with a location, {@code ECOM} for one without</td></tr>
 *   <tr><td>timestamp</td><td>yes</td><td>as {@link io.fraudops.feature.backfill.TimestampFormat} says
 *       (ISO-8601 by default; epoch seconds or millis; a pattern such as {@code yyyy-MM-dd HH:mm:ss} read
 *       in a time zone, UTC by default); not in the future</td></tr>
 *   <tr><td>device_id</td><td>no</td><td>at most 64 characters; stored, feeds the per-device features</td></tr>
 *   <tr><td>fraud_label</td><td>no</td><td>{@code true}/{@code false} (or {@code 1}/{@code 0}); empty: no label</td></tr>
 *   <tr><td>label_source</td><td>no</td><td>{@code analyst}, {@code chargeback} or {@code import} (the default)</td></tr>
 *   <tr><td>label_known_at</td><td>no</td><td>the instant the label became known (timestamp's format), not
 *       before the payment; default: the payment's timestamp plus
 *       {@link io.fraudops.feature.backfill.BackfillOptions#DEFAULT_LABEL_DELAY}</td></tr>
 *   <tr><td>home_latitude, home_longitude</td><td>no</td><td>the customer's home (address), both or
 *       neither; stored once per change ({@code customer_home}) and used by the profiles instead of the
 *       most frequent payment location</td></tr>
 * </table>
 *
 * <p>{@link io.fraudops.feature.backfill.HistoryFile#check} reads the header and the first rows
 * before any store is touched: a missing column, a mapping naming no column, or a file whose first
 * rows are mostly refused fails at once. Each row then passes the checks live payments pass ({@link
 * io.fraudops.feature.transaction.TransactionParser}). A row that fails is not loaded, label
 * included; it goes to the report with its line number and the reasons, and the run goes on. More
 * refused rows than {@link io.fraudops.feature.backfill.BackfillOptions#maxBadShare()} (1 % by
 * default) fail the run.
 */
package io.fraudops.feature.backfill;
