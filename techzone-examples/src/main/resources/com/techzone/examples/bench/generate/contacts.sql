-- Contact-form messages: a third from anonymous visitors; most resolved, some new or in progress.
INSERT INTO contacts (user_id, name, email, subject, message, status, created_at, updated_at)
SELECT CASE WHEN c % 3 = 0 THEN NULL ELSE md5('user:' || (1 + c * 7 % ${users}))::uuid END,
       'Visitor ' || c, 'visitor' || c || '@example.org', 'Question ' || c,
       'Generated message ' || c || ' about an order or a product.',
       CASE WHEN c % 10 < 7 THEN 'resolved' WHEN c % 10 < 8 THEN 'spam' WHEN c % 10 < 9 THEN 'in_progress' ELSE 'new' END,
       now() - random() * interval '365 days', now() - random() * interval '365 days'
FROM generate_series(1, ${contacts}) AS c;
