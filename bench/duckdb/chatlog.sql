-- The compared chat-log metrics of docs/chatlog-metrics.md in SQL, for DuckDB native and DuckDB-WASM
-- (bench/chatlog_duckdb.mjs, bench/browser/chatlog.html). Default settings: all day in service
-- hours, no cap, slow > 200 s, 3-minute <= 180 s, robot messages are no response, online gaps over
-- 1800 s removed, the default forbidden phrases. Period: March 2024 (shop-local seconds
-- [1709251200, 1711929600)). Rows of a session are ordered by time (the generator's times strictly
-- increase inside a session, so no tie rule is needed). {{MESSAGES}} is the CSV's path or name.
-- Sums are cast to BIGINT so that both clients get plain integers (not HUGEINT/DECIMAL).
WITH raw AS (
  SELECT session_id AS s, epoch("time")::BIGINT AS t,
         CASE WHEN lower(trim(role)) IN ('buyer', 'customer', 'client', '买家', '顾客', '客户') THEN 0
              WHEN lower(trim(role)) IN ('agent', 'staff', '客服', '人工', '人工客服') THEN 1
              WHEN lower(trim(role)) IN ('robot', 'bot', '机器人', '智能客服', '自动回复') THEN 2
              ELSE 3 END AS r,
         nullif(trim(agent), '') AS named, nullif(trim(buyer), '') AS buyer, "text" AS txt,
         coalesce(lower(trim(kind)) IN ('after-sales', 'after_sales', 'aftersales', 'after sales', '售后'), false) AS after
  FROM read_csv('{{MESSAGES}}', header = true, quote = '"', escape = '"', delim = ',',
                columns = {'session_id': 'VARCHAR', 'time': 'TIMESTAMP', 'role': 'VARCHAR', 'agent': 'VARCHAR',
                           'buyer': 'VARCHAR', 'text': 'VARCHAR', 'kind': 'VARCHAR'})
),
-- The agent in charge: the last one named on a buyer or agent row so far, else the session's first.
m AS (
  SELECT s, t, r, named, txt,
         coalesce(last_value(CASE WHEN r <= 1 THEN named END IGNORE NULLS) OVER (PARTITION BY s ORDER BY t ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
                  first_value(CASE WHEN r <= 1 THEN named END IGNORE NULLS) OVER (PARTITION BY s ORDER BY t ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) AS agent,
         coalesce(first_value(buyer IGNORE NULLS) OVER (PARTITION BY s ORDER BY t ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), 'session:' || s) AS sbuyer,
         bool_or(after) OVER (PARTITION BY s) AS safter
  FROM raw
),
-- Buyer and human agent rows; a block starts at a buyer row after an agent row or at the first.
h AS (
  SELECT *, sum(CASE WHEN r = 0 AND coalesce(prev, 1) = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY s ORDER BY t ROWS UNBOUNDED PRECEDING) AS bid
  FROM (SELECT *, lag(r) OVER (PARTITION BY s ORDER BY t) AS prev FROM m WHERE r <= 1)
),
blocks AS (
  SELECT s, bid, any_value(sbuyer) AS sbuyer, any_value(safter) AS safter,
         min(t) FILTER (WHERE r = 0) AS start, min(t) FILTER (WHERE r = 1) AS answer,
         coalesce(arg_min(agent, t) FILTER (WHERE r = 1), arg_min(agent, t) FILTER (WHERE r = 0)) AS owner
  FROM h WHERE bid > 0 GROUP BY s, bid
),
b AS (
  SELECT *, answer - start AS rt, start // 86400 AS day FROM blocks
  WHERE start >= 1709251200 AND start < 1711929600 AND owner IS NOT NULL
),
times AS (
  SELECT owner AS agent, avg(rt) AS avg_response_s, avg(rt) FILTER (WHERE bid = 1) AS first_response_s,
         count(*) FILTER (WHERE rt <= 180) / count(*) AS response_3min_rate
  FROM b GROUP BY owner
),
pairs AS (
  SELECT agent, count(*) AS receptions, sum(replied::INT)::BIGINT AS replied_customers, sum(slow::INT)::BIGINT AS slow_response_count,
         sum(inquiry::INT)::BIGINT AS inquiries
  FROM (SELECT owner AS agent, sbuyer, day, bool_or(answer IS NOT NULL) AS replied, bool_or(rt > 200) AS slow,
               bool_or(NOT safter) AS inquiry
        FROM b GROUP BY owner, sbuyer, day)
  GROUP BY agent
),
counts AS (
  SELECT agent, count(*) FILTER (WHERE r = 0) AS buyer_messages, count(*) FILTER (WHERE r = 1) AS agent_messages
  FROM m WHERE agent IS NOT NULL AND t >= 1709251200 AND t < 1711929600 AND r <= 1 GROUP BY agent
),
online AS (
  SELECT agent, count(DISTINCT day) AS working_days, sum(CASE WHEN gap <= 1800 THEN gap ELSE 0 END)::DOUBLE / 3600.0 / count(DISTINCT day) AS online_hours_per_day
  FROM (SELECT agent, t // 86400 AS day, t - lag(t) OVER (PARTITION BY agent, t // 86400 ORDER BY t) AS gap
        FROM m WHERE r = 1 AND agent IS NOT NULL AND t >= 1709251200 AND t < 1711929600)
  GROUP BY agent
),
hits AS (
  SELECT named AS agent,
         sum(contains(txt, '这不是我们的问题')::INT + contains(txt, '我们不负责')::INT + contains(txt, '我不能')::INT +
             contains(txt, '不归我们管')::INT + contains(txt, '你自己看')::INT + contains(txt, '不知道')::INT)::BIGINT AS forbidden_phrases
  FROM m WHERE r = 1 AND named IS NOT NULL AND t >= 1709251200 AND t < 1711929600 GROUP BY named
),
agents AS (
  SELECT agent FROM pairs UNION SELECT agent FROM counts UNION SELECT agent FROM online UNION SELECT agent FROM hits
)
SELECT a.agent,
       coalesce(p.receptions, 0) AS receptions, coalesce(p.replied_customers, 0) AS replied_customers,
       p.replied_customers / nullif(p.receptions, 0) AS reply_rate, coalesce(p.inquiries, 0) AS inquiries,
       coalesce(p.slow_response_count, 0) AS slow_response_count,
       p.slow_response_count / nullif(p.receptions, 0) AS slow_response_share,
       tm.first_response_s, tm.avg_response_s, tm.response_3min_rate,
       coalesce(c.buyer_messages, 0) AS buyer_messages, coalesce(c.agent_messages, 0) AS agent_messages,
       c.agent_messages / nullif(c.buyer_messages, 0) AS qa_ratio,
       coalesce(o.working_days, 0) AS working_days, o.online_hours_per_day,
       coalesce(hi.forbidden_phrases, 0) AS forbidden_phrases
FROM agents a
LEFT JOIN pairs p ON p.agent = a.agent LEFT JOIN times tm ON tm.agent = a.agent LEFT JOIN counts c ON c.agent = a.agent
LEFT JOIN online o ON o.agent = a.agent LEFT JOIN hits hi ON hi.agent = a.agent
ORDER BY a.agent
