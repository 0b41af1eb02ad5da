package io.fraudops.feature.online;

/**
 * The store's Lua scripts: each touches the keys of one hash slot (a customer, a merchant, a
 * category or a device) and is atomic there. {@link InMemoryOnlineFeatureStore} mirrors them line
 * by line. Every window is [start, now): '(' makes the upper bound exclusive.
 */
final class RedisScripts {

  private RedisScripts() {}

  // KEYS: events, first-seen, days. ARGV: 1 now, 2 member, 3 window start, 4 retention, 5 events
  // TTL,
  // 6 first-seen TTL, 7 days TTL, 8 epoch day of now, 9 days kept, 10-13 amount, amount², cos, sin
  // of the
  // hour angle (computed in Java, so both stores add the very same doubles), 14 field count, 15..
  // fields.
  // Returns {flat member/score list, first-seen values, the 30 day totals before today}.
  // Day totals are "count|sum|sum of squares|sum of cos|sum of sin"; %.17g round-trips a double
  // exactly.
  static final LuaScript CUSTOMER =
      LuaScript.of(
          """
            local now = tonumber(ARGV[1])
            local today = tonumber(ARGV[8])
            local recent = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[3], '(' .. ARGV[1], 'WITHSCORES')
            local fields = {}
            for i = 1, tonumber(ARGV[14]) do fields[i] = ARGV[14 + i] end
            local seen = redis.call('HMGET', KEYS[2], unpack(fields))
            local dayFields = {}
            for i = 1, 30 do dayFields[i] = string.format('%d', today - 31 + i) end
            local days = redis.call('HMGET', KEYS[3], unpack(dayFields))
            local previous = tonumber(redis.call('HGET', KEYS[3], 'latest') or ARGV[1])
            local latest = previous
            if now > latest then latest = now end
            local retention = tonumber(ARGV[4])
            if now >= latest - retention and redis.call('ZADD', KEYS[1], now, ARGV[2]) == 1 then
              local field = string.format('%d', today)
              local n, s, q, c, si = 0, 0, 0, 0, 0
              local old = redis.call('HGET', KEYS[3], field)
              if old then
                local a, b, d, e, f = string.match(old, '^([^|]*)|([^|]*)|([^|]*)|([^|]*)|([^|]*)$')
                n, s, q, c, si = tonumber(a), tonumber(b), tonumber(d), tonumber(e), tonumber(f)
              end
              n = n + 1
              s = s + tonumber(ARGV[10])
              q = q + tonumber(ARGV[11])
              c = c + tonumber(ARGV[12])
              si = si + tonumber(ARGV[13])
              redis.call('HSET', KEYS[3], field,
                string.format('%d|%.17g|%.17g|%.17g|%.17g', n, s, q, c, si))
            end
            redis.call('HSET', KEYS[3], 'latest', string.format('%d', latest))
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. string.format('%d', latest - retention))
            -- Which days are too old only changes with the latest day: trim then, not on every payment.
            if math.floor(latest / 86400000) ~= math.floor(previous / 86400000) then
              local oldest = math.floor(latest / 86400000) - tonumber(ARGV[9])
              for _, field in ipairs(redis.call('HKEYS', KEYS[3])) do
                if field ~= 'latest' and tonumber(field) < oldest then redis.call('HDEL', KEYS[3], field) end
              end
            end
            for i = 1, #fields do
              if (not seen[i]) or tonumber(seen[i]) > now then
                redis.call('HSET', KEYS[2], fields[i], ARGV[1])
              end
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            redis.call('PEXPIRE', KEYS[2], ARGV[6])
            redis.call('PEXPIRE', KEYS[3], ARGV[7])
            return {recent, seen, days}
            """);

  // KEYS: payments, labels, fraud labels. ARGV: now, transaction id, 1 h start, 24 h start,
  // label window start, trim before, TTL. Returns {payments 1 h, payments 24 h, labels, fraud
  // labels}.
  static final LuaScript MERCHANT =
      LuaScript.of(
          """
            local before = '(' .. ARGV[1]
            local result = {
              redis.call('ZCOUNT', KEYS[1], ARGV[3], before),
              redis.call('ZCOUNT', KEYS[1], ARGV[4], before),
              redis.call('ZCOUNT', KEYS[2], ARGV[5], before),
              redis.call('ZCOUNT', KEYS[3], ARGV[5], before)}
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[6])
            redis.call('PEXPIRE', KEYS[1], ARGV[7])
            return result
            """);

  // KEYS: labels, fraud labels. ARGV: now, label window start. Returns {labels, fraud labels}.
  static final LuaScript LABEL_COUNTS =
      LuaScript.of(
          """
            return {redis.call('ZCOUNT', KEYS[1], ARGV[2], '(' .. ARGV[1]),
                    redis.call('ZCOUNT', KEYS[2], ARGV[2], '(' .. ARGV[1])}
            """);

  // KEYS: device uses. ARGV: now, member, 24 h start, trim before, TTL. Returns the uses in the
  // window.
  static final LuaScript DEVICE =
      LuaScript.of(
          """
            local uses = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[3], '(' .. ARGV[1])
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return uses
            """);

  // KEYS: labels, fraud labels. ARGV: member, known at, 1 if fraud, trim before, TTL.
  // NX: the first label of a (transaction, source) pair counts; a repeat changes nothing.
  static final LuaScript LABEL =
      LuaScript.of(
          """
            if redis.call('ZADD', KEYS[1], 'NX', ARGV[2], ARGV[1]) == 1 and ARGV[3] == '1' then
              redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
            end
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[4])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            redis.call('PEXPIRE', KEYS[2], ARGV[5])
            return 1
            """);
}
