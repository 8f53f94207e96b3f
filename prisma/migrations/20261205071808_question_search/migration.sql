-- Full-text search over the bank (issue 14). PostgreSQL keeps the document in step with the row
-- (a stored generated column), so every writer (seed, editor, import) gets it without code.
-- Weights: A the stem, B what the student reads besides it (options, items, targets, the quote,
-- accepted typed answers), C the explanation and the per-option rationales.
-- (No semicolons in comments here: the driver adapter splits migration scripts on them.)
-- AlterTable
ALTER TABLE "Question" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, "stem"), 'A') ||
  setweight(jsonb_to_tsvector('english'::regconfig, jsonb_path_query_array("prompt", 'strict $.**.label'), '["string"]'), 'B') ||
  setweight(to_tsvector('english'::regconfig, coalesce("prompt" ->> 'quote', '')), 'B') ||
  setweight(jsonb_to_tsvector('english'::regconfig, coalesce("key" -> 'answers', '[]'::jsonb), '["string"]'), 'B') ||
  setweight(to_tsvector('english'::regconfig, "explanation"), 'C') ||
  setweight(jsonb_to_tsvector('english'::regconfig, jsonb_path_query_array("key", 'strict $.rationales[*].text'), '["string"]'), 'C')
) STORED;

-- CreateIndex
CREATE INDEX "Question_searchVector_idx" ON "Question" USING GIN ("searchVector");
