-- The voice model per language is kept across restarts (issue 15): building it reads every
-- learned post (75,000 at an agency: ~6 s of one core), which fell under the user's first
-- minutes of typing after every start. It is built again only when what it learned from changed.

-- A language's generation grows with every change to what its model learns from: a sample
-- learned, changed or forgotten (a deleted post's too, by cascade), and a partner archived or
-- restored (an archived partner's posts leave the model). Never repeats, unlike a count. A sample
-- written again as it was (a post learned at approval, then again at publication) changes
-- nothing the model reads, and rebuilding for it would cost seconds of a core per publication.
CREATE TABLE voice_generations (
  language    TEXT PRIMARY KEY CHECK (language IN ('fr', 'en')),
  generation  INTEGER NOT NULL
) STRICT;
INSERT INTO voice_generations (language, generation) VALUES ('fr', 1), ('en', 1);

CREATE TRIGGER voice_samples_learned AFTER INSERT ON voice_samples BEGIN
  UPDATE voice_generations SET generation = generation + 1 WHERE language = NEW.language;
END;
CREATE TRIGGER voice_samples_relearned AFTER UPDATE ON voice_samples
  WHEN OLD.partner_id IS NOT NEW.partner_id OR OLD.language IS NOT NEW.language
    OR OLD.algorithm_version IS NOT NEW.algorithm_version OR OLD.features IS NOT NEW.features BEGIN
  UPDATE voice_generations SET generation = generation + 1 WHERE language IN (OLD.language, NEW.language);
END;
CREATE TRIGGER voice_samples_forgotten AFTER DELETE ON voice_samples BEGIN
  UPDATE voice_generations SET generation = generation + 1 WHERE language = OLD.language;
END;
CREATE TRIGGER voice_partner_archived AFTER UPDATE OF archived_at ON partners
  WHEN OLD.archived_at IS NOT NEW.archived_at BEGIN
  UPDATE voice_generations SET generation = generation + 1;
END;

-- The model last built for a language, for the generation it was built from (JSON, read back
-- through the voice repository's schema); `format` names the model's layout and calibration,
-- so a version of Plume that builds it differently builds it again.
CREATE TABLE voice_models (
  language    TEXT PRIMARY KEY CHECK (language IN ('fr', 'en')),
  generation  INTEGER NOT NULL,
  format      INTEGER NOT NULL,
  model       TEXT NOT NULL,
  built_at    INTEGER NOT NULL
) STRICT;
