package io.fraudops.workers.deployment;

/**
 * What the workers do with the repository's decision table at start ({@code
 * fraud.deployment.decision-policy}). The process binds the table by version tag, so the table that
 * decides is the latest deployed one carrying the process's tag; these policies say whether the
 * repository's table may become that one.
 */
public enum DecisionPolicy {
  /**
   * Deploy the repository's table only when its version tag is not deployed yet: the engine has no
   * table with it that these workers deployed and can still find. Once a tag is in the engine, the
   * table deciding for it is whatever the risk team deployed last; a restart never replaces it. A
   * release whose process needs new columns comes with a new tag, and that table is deployed.
   */
  KEEP_DEPLOYED,
  /**
   * Deploy the repository's table at every start. Zeebe makes it a new version whenever it differs
   * from the latest, so this reverts any table deployed since: for development only.
   */
  ALWAYS,
  /**
   * Never deploy a table: a pipeline or Modeler does. The process and the form are still deployed.
   */
  NEVER
}
