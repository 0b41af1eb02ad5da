/**
 * The process's contract: the names of the variables of {@code transaction-screening} and the typed
 * shapes the workers read and write (the validated payment, the decision table's result, outcomes
 * and verdicts). Depends on nothing else in the application, so every feature package can use it.
 */
package io.fraudops.workers.process;
