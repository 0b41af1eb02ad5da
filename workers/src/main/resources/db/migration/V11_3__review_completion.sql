-- Who completed a review in Tasklist, as the review task's completing listener saw it (the task's
-- assignee): the record step takes the analyst from here rather than from a process variable, which
-- whoever completes the task could set to any name.
CREATE TABLE review_completion (
    process_instance_key bigint      PRIMARY KEY,
    transaction_id       text,
    user_task_key        bigint,
    completed_by         text        NOT NULL,
    completed_at         timestamptz NOT NULL
);
