/**
 * What a payment payload must be before anything uses it: the one {@link
 * io.fraudops.feature.transaction.TransactionParser} and the {@link
 * io.fraudops.feature.transaction.CardTokenizer} with the deployment's card key, shared by the
 * intake ({@code POST /transactions}) and the process's Validate step.
 */
package io.fraudops.workers.validation;
