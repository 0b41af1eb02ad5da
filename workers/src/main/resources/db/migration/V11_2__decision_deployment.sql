-- The decision tables the workers deployed at start (deployment/DecisionDeployments). The engine's gRPC
-- API cannot list decision tables or read their version tags, so this is how the workers know that the
-- repository's table tag is already in the engine, and leave the table the risk team deployed since alone.
CREATE TABLE decision_deployment (
    id               bigserial   PRIMARY KEY,
    decision_id      text        NOT NULL,
    version_tag      text        NOT NULL,
    decision_key     bigint      NOT NULL,
    decision_version integer     NOT NULL,
    checksum         text        NOT NULL,  -- SHA-256 of the deployed file
    deployed_at      timestamptz NOT NULL
);

CREATE INDEX decision_deployment_tag ON decision_deployment (decision_id, version_tag, id);
