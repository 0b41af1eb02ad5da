package io.fraudops.workers.review;

/**
 * How analysts complete manual reviews.
 *
 * <ul>
 *   <li>{@code TASKLIST}: the process's Camunda user task is worked in Camunda Tasklist (a real
 *       cluster).
 *   <li>{@code JOB_WORKER}: the embedded engine has no REST API and no Tasklist, so the user task
 *       is deployed as a job-worker user task and this application's review inbox holds it until an
 *       analyst decides through {@code /reviews}.
 * </ul>
 */
public enum ReviewMode {
  TASKLIST,
  JOB_WORKER
}
