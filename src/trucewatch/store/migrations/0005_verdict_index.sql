-- The verdict index (trucewatch.assess.index): a bit per (agreement, commitment, reading's
-- party, verdict) key, and per incident the OR of its verdicts' bits, so that filtering
-- incidents by verdict reads one column of incidents instead of joining millions of verdicts.
-- bit is NULL for keys past the 128 bits of the column; filters on those read verdicts.
CREATE TABLE verdict_keys (
    bit            SMALLINT,
    agreement_id   VARCHAR NOT NULL,
    commitment_id  VARCHAR NOT NULL,
    party          VARCHAR NOT NULL,
    verdict        VARCHAR NOT NULL,
    PRIMARY KEY (agreement_id, commitment_id, party, verdict)
);
ALTER TABLE incidents ADD COLUMN verdict_bits UHUGEINT;

-- Index the verdicts already stored.
INSERT INTO verdict_keys
SELECT CASE WHEN n < 128 THEN n END, agreement_id, commitment_id, party, verdict
FROM (SELECT row_number() OVER (ORDER BY agreement_id, commitment_id, party, verdict) - 1 AS n, *
      FROM (SELECT DISTINCT agreement_id, commitment_id, party, verdict FROM verdicts));
UPDATE incidents SET verdict_bits = found.bits
FROM (SELECT v.incident_id, bit_or(CAST(1 AS UHUGEINT) << CAST(k.bit AS UHUGEINT)) AS bits
      FROM verdicts v JOIN verdict_keys k ON k.agreement_id = v.agreement_id
          AND k.commitment_id = v.commitment_id AND k.party = v.party
          AND k.verdict = v.verdict AND k.bit IS NOT NULL
      GROUP BY v.incident_id) found
WHERE incidents.id = found.incident_id;
