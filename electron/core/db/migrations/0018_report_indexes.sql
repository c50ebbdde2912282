-- Monthly reports read every partner's month in one pass per table (electron/core/reports).
-- A post switched to a partner after the month counts for them: its 'partnerChanged' facts are
-- found without walking every later entry of the partner.
CREATE INDEX audit_partner_changed ON audit_log (partner_id, at) WHERE action = 'partnerChanged';

-- The publications of a range of instants, for the report's engagement section.
CREATE INDEX publications_published ON publications (published_at, post_id) WHERE state = 'published';
