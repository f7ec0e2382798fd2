-- The team library: users and their tokens, clauses and their immutable versions, blueprints, and the append-only
-- history of decisions. `change_seq` orders everything a client pulls.
CREATE SEQUENCE change_seq;

CREATE TABLE users (
  id          serial PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  role        text NOT NULL CHECK (role IN ('admin', 'legal', 'writer')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  disabled    boolean NOT NULL DEFAULT false
);

-- Only a SHA-256 of each token is kept: a copy of the database does not let anyone sign in.
CREATE TABLE tokens (
  hash        bytea PRIMARY KEY,
  user_id     integer NOT NULL REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked     boolean NOT NULL DEFAULT false
);

CREATE TABLE clauses (
  id                     text PRIMARY KEY,
  category               text NOT NULL,
  title                  text NOT NULL,
  tags                   jsonb NOT NULL,
  doc_types              jsonb NOT NULL,
  owner                  text NOT NULL,
  review_interval_months integer NOT NULL
);

-- Content (body, variables, condition) never changes once written; only the workflow columns move.
CREATE TABLE versions (
  clause_id    text NOT NULL REFERENCES clauses(id),
  variant      text NOT NULL,
  version      integer NOT NULL,
  body         text NOT NULL,
  variables    jsonb NOT NULL,
  cond         jsonb,
  change_note  text NOT NULL,
  status       text NOT NULL CHECK (status IN ('draft', 'in_review', 'approved', 'retired')),
  author_id    integer NOT NULL REFERENCES users(id),
  reviewer_id  integer REFERENCES users(id),
  base_version integer,
  client_key   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  decided_at   timestamptz,
  seq          bigint NOT NULL DEFAULT nextval('change_seq'),
  PRIMARY KEY (clause_id, variant, version),
  UNIQUE (author_id, client_key)
);
CREATE INDEX versions_seq ON versions (seq);
-- Why a decision was taken (a rejection's reason reaches the author's app with the version).
ALTER TABLE versions ADD COLUMN reason text NOT NULL DEFAULT '';

CREATE FUNCTION versions_content_is_immutable() RETURNS trigger AS $$
BEGIN
  IF NEW.body IS DISTINCT FROM OLD.body OR NEW.variables IS DISTINCT FROM OLD.variables
     OR NEW.cond IS DISTINCT FROM OLD.cond OR NEW.author_id IS DISTINCT FROM OLD.author_id THEN
    RAISE EXCEPTION 'a written version''s content never changes';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER versions_immutable BEFORE UPDATE ON versions
  FOR EACH ROW EXECUTE FUNCTION versions_content_is_immutable();

CREATE TABLE blueprints (
  id          text PRIMARY KEY,
  doc        jsonb NOT NULL,
  updated_by  integer NOT NULL REFERENCES users(id),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  seq         bigint NOT NULL DEFAULT nextval('change_seq')
);
CREATE INDEX blueprints_seq ON blueprints (seq);

-- Append-only: a trigger refuses UPDATE and DELETE, so the audit trail cannot be edited through the server's role.
CREATE TABLE history (
  seq        bigserial PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT now(),
  actor_id   integer NOT NULL REFERENCES users(id),
  action     text NOT NULL,
  clause_id  text NOT NULL,
  variant    text NOT NULL,
  version    integer NOT NULL,
  reason     text NOT NULL DEFAULT ''
);
CREATE FUNCTION history_is_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'the history is append-only';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history
  FOR EACH STATEMENT EXECUTE FUNCTION history_is_append_only();
