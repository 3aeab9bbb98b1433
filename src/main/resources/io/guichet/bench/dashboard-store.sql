-- A store as a territory's would be after a busy month, for the dashboard benchmark: {conversations}
-- conversations over the 30 days from {start}, ten lines each (five of the person's, each a turn),
-- a fifth of them on the seminar journey, one turn in seven unanswered, one in 97 handed off (then
-- claimed, answered by an agent and closed), a lead in fifty conversations with its rating, and a
-- thumb on one answer in ten. Run on a store whose schema the service created.
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {conversations} - 1)
INSERT INTO conversations (id, channel, lang, status, created_at, updated_at, journey)
SELECT printf('c%021d', i), CASE i % 4 WHEN 0 THEN 'widget' WHEN 1 THEN 'web' WHEN 2 THEN 'messenger' ELSE 'whatsapp' END,
       CASE i % 3 WHEN 0 THEN 'en' ELSE 'fr' END, 'BOT',
       strftime('%Y-%m-%dT%H:%M:%SZ', '{start}', '+' || (i * 2592 / ({conversations} / 1000)) || ' seconds'),
       strftime('%Y-%m-%dT%H:%M:%SZ', '{start}', '+' || (i * 2592 / ({conversations} / 1000) + 9) || ' seconds'),
       CASE WHEN i % 5 = 0 THEN '{"name":"seminar_planning","slots":{"people_count":' || (10 + i % 90)
           || ',"date":{"start":"2027-0' || (1 + i % 9) || '-01","end":"2027-0' || (1 + i % 9) || '-02"}},"stage":"COLLECTING"}' END
FROM n;
WITH RECURSIVE m(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM m WHERE j < {conversations} * 10 - 1)
INSERT INTO messages (conversation_id, sender, text, at)
SELECT printf('c%021d', j / 10), CASE j % 2 WHEN 0 THEN 'user' ELSE 'bot' END,
       CASE WHEN j % 2 = 1 THEN 'réponse ' || j WHEN (j / 2) % 7 = 0 THEN 'où louer un paddle le dimanche ' || (j % 50)
           ELSE 'question ' || j END,
       strftime('%Y-%m-%dT%H:%M:%SZ', '{start}', '+' || ((j / 10) * 2592 / ({conversations} / 1000) + j % 10) || ' seconds')
FROM m;
INSERT INTO turns (conversation_id, at, channel, lang, intent, confidence, fallback, sources, journey, stage,
                   handoff_team, status, understand_us, decide_us, out_of_scope, message_seq)
SELECT m.conversation_id, m.at, c.channel, c.lang, 'none', 0.6,
       CASE WHEN m.text LIKE 'où louer%' THEN 1 ELSE 0 END,
       CASE WHEN m.text LIKE 'où louer%' THEN '[]' ELSE '["office-de-tourisme"]' END,
       CASE WHEN c.journey IS NOT NULL THEN 'seminar_planning' END,
       CASE WHEN c.journey IS NOT NULL THEN (CASE WHEN m.seq % 3 = 0 THEN 'consent' ELSE 'collecting' END) END,
       CASE WHEN m.seq % 97 = 0 THEN 'general' END, 'BOT', 5000, 2000, 0, m.seq
FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.sender = 'user';
INSERT INTO messages (conversation_id, sender, text, at)
SELECT conversation_id, 'agent', 'Bonjour, je regarde votre demande.', strftime('%Y-%m-%dT%H:%M:%SZ', at, '+95 seconds')
FROM turns WHERE handoff_team IS NOT NULL;
INSERT INTO handoff_steps (conversation_id, at, kind, team)
SELECT conversation_id, strftime('%Y-%m-%dT%H:%M:%SZ', at, '+80 seconds'), 'CLAIMED', handoff_team
FROM turns WHERE handoff_team IS NOT NULL;
INSERT INTO handoff_steps (conversation_id, at, kind, team)
SELECT conversation_id, strftime('%Y-%m-%dT%H:%M:%SZ', at, '+600 seconds'), 'CLOSED', handoff_team
FROM turns WHERE handoff_team IS NOT NULL;
INSERT INTO leads (conversation_id, journey, team, lang, name, email, phone, slots, created_at)
SELECT id, 'seminar_planning', 'convention_bureau', lang, 'Prénom Nom', 'contact' || rowid || '@example.org', NULL,
       '{"people_count":40}', updated_at
FROM conversations WHERE journey IS NOT NULL AND rowid % 10 = 1;
INSERT INTO feedback (conversation_id, at, channel, lang, kind, score, comment, team, journey)
SELECT l.conversation_id, l.created_at, c.channel, c.lang, 'CSAT', 1 + l.id % 5,
       CASE WHEN l.id % 3 = 0 THEN 'rapide et clair ' || l.id END, l.team, l.journey
FROM leads l JOIN conversations c ON c.id = l.conversation_id;
INSERT INTO feedback (conversation_id, at, channel, lang, kind, turn_id, score, journey)
SELECT conversation_id, at, channel, lang, 'ANSWER', id, id % 3 <> 0, journey
FROM turns WHERE fallback = 0 AND id % 10 = 0;
INSERT INTO conversation_days (day, conversation_id, channel, lang, journey, turns, fallbacks, out_of_scope, handed_off)
SELECT substr(at, 1, 10), conversation_id, max(channel), max(lang), max(journey), count(*),
       sum(fallback AND NOT out_of_scope), sum(out_of_scope), max(handoff_team IS NOT NULL)
FROM turns GROUP BY substr(at, 1, 10), conversation_id;
COMMIT;
