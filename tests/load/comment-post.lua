-- wrk script: post reader comments the way a browser submits the article page's comment form.
--
--   wrk -t2 -c32 -d10s --latency -s tests/load/comment-post.lua http://127.0.0.1:5099
--
-- What a browser would send comes from the article page, fetched once beforehand (run.sh does this with curl):
--   COMMENT_PAGE_HTML     file with the page's HTML; the __RequestVerificationToken and Stamp hidden inputs
--                         are read from the form inside <section id="comments">
--   COMMENT_PAGE_HEADERS  file with that response's headers (curl -D); its Set-Cookie lines become the
--                         Cookie header (the antiforgery cookie the token is paired with)
-- or directly, overriding the files:
--   COMMENT_COOKIE  (e.g. "np_af=CfDJ8..."), COMMENT_TOKEN, COMMENT_STAMP
-- Optional: COMMENT_SLUG (default bench-article-20-comments); COMMENT_RUN, a label unique to this run
-- (default: the start time), so two runs against one database never post the same text.
--
-- Each request has a unique body and email (run label + thread id + per-thread counter), so the duplicate
-- guard (same email and text on one article within 10 minutes is stored once) never merges two of them. Responses are counted by status class per thread and added up in done(); the last line
-- is machine-readable:  comment-post: sent=N responses=N 1xx=N 2xx=N 3xx=N 4xx=N 5xx=N
-- The site answers a stored comment with 303 See Other (wrk does not follow it).

local slug = os.getenv("COMMENT_SLUG") or "bench-article-20-comments"
local path = "/news/" .. slug .. "/comments"
local run = os.getenv("COMMENT_RUN") or tostring(os.time())

local function read_file(name)
  if not name or name == "" then return nil end
  local f = io.open(name, "rb")
  if not f then return nil end
  local text = f:read("*a")
  f:close()
  return text
end

local function html_decode(s)
  s = s:gsub("&#x(%x+);", function(h) return string.char(tonumber(h, 16)) end)
  s = s:gsub("&#(%d+);", function(d) return string.char(tonumber(d)) end)
  return (s:gsub("&quot;", '"'):gsub("&#39;", "'"):gsub("&lt;", "<"):gsub("&gt;", ">"):gsub("&amp;", "&"))
end

local function attribute(tag, name)
  -- attribute values are quoted by Razor; accept either quote
  local value = tag:match("%s" .. name .. '%s*=%s*"([^"]*)"') or tag:match("%s" .. name .. "%s*=%s*'([^']*)'")
  return value and html_decode(value)
end

-- The hidden inputs of the comment form inside #comments, by name.
local function form_fields(html)
  local fields = {}
  local section_start = html:find('<section[^>]-id="comments"')
  if not section_start then return fields end
  local section = html:sub(section_start)
  local section_end = section:find("</section>", 1, true)
  if section_end then section = section:sub(1, section_end) end
  local form = section:match("<form.-</form>") or section
  for tag in form:gmatch("<input[^>]*>") do
    local name = attribute(tag, "name")
    if name then fields[name] = attribute(tag, "value") or "" end
  end
  return fields
end

local function cookie_header(headers)
  local pairs_ = {}
  for line in headers:gmatch("[^\r\n]+") do
    local pair = line:match("^[Ss][Ee][Tt]%-[Cc][Oo][Oo][Kk][Ii][Ee]:%s*([^;]+)")
    if pair then pairs_[#pairs_ + 1] = pair end
  end
  return table.concat(pairs_, "; ")
end

local function urlencode(s)
  return (tostring(s):gsub("[^%w%-%._~ ]", function(c) return string.format("%%%02X", string.byte(c)) end):gsub(" ", "+"))
end

local html = read_file(os.getenv("COMMENT_PAGE_HTML")) or ""
local fields = form_fields(html)
local cookie = os.getenv("COMMENT_COOKIE") or cookie_header(read_file(os.getenv("COMMENT_PAGE_HEADERS")) or "")
local token = os.getenv("COMMENT_TOKEN") or fields["__RequestVerificationToken"]
local stamp = os.getenv("COMMENT_STAMP") or fields["Stamp"]

-- ------------------------------------------------------------------ main thread: set-up and report

local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local total = { sent = 0, responses = 0 }
  local classes = { "1xx", "2xx", "3xx", "4xx", "5xx" }
  local by_status = {}
  for _, c in ipairs(classes) do total[c] = 0 end
  for _, thread in ipairs(threads) do
    total.sent = total.sent + (thread:get("sent") or 0)
    local counts = thread:get("counts") or {}
    for _, c in ipairs(classes) do
      total[c] = total[c] + (counts[c] or 0)
      total.responses = total.responses + (counts[c] or 0)
    end
    local statuses = thread:get("statuses") or {}
    for status, n in pairs(statuses) do by_status[status] = (by_status[status] or 0) + n end
  end
  local detail = {}
  for status, n in pairs(by_status) do detail[#detail + 1] = status .. "=" .. n end
  table.sort(detail)
  io.write(string.format("comment posts by status: %s\n", table.concat(detail, " ")))
  io.write(string.format("comment-post: sent=%d responses=%d 1xx=%d 2xx=%d 3xx=%d 4xx=%d 5xx=%d\n",
    total.sent, total.responses, total["1xx"], total["2xx"], total["3xx"], total["4xx"], total["5xx"]))
end

-- ------------------------------------------------------------------ worker threads

tid = 0          -- set per thread by setup()
sent = 0         -- requests this thread handed to the socket
counts = {}      -- responses by class, this thread
statuses = {}    -- responses by exact status, this thread
local headers = {}

function init(args)
  if not token or token == "" or not stamp or stamp == "" or cookie == "" then
    io.stderr:write("comment-post.lua: no antiforgery token, stamp or cookie; set COMMENT_PAGE_HTML and " ..
      "COMMENT_PAGE_HEADERS (or COMMENT_TOKEN, COMMENT_STAMP, COMMENT_COOKIE)\n")
    os.exit(2)
  end
  local origin = string.format("http://%s", wrk.headers["Host"] or (wrk.host .. ":" .. wrk.port))
  headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
    ["Origin"] = origin,
    ["Referer"] = origin .. "/news/" .. slug,
    ["Accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) NewsPortal-load/1.0 wrk",
  }
end

function request()
  sent = sent + 1
  local id = string.format("%s-t%d-n%d", run, tid, sent)
  local body = table.concat({
    "Body=" .. urlencode("Load test comment " .. id .. ". The council's plan for the northern railway " ..
      "looks sensible, but who pays for the new stations? I'd like to see the figures before the vote."),
    "Name=" .. urlencode("Load Reader " .. tid),
    "Email=" .. urlencode("load.reader." .. id .. "@example.com"),
    "ParentId=",
    "Website=",
    "Stamp=" .. urlencode(stamp),
    "__RequestVerificationToken=" .. urlencode(token),
  }, "&")
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
  local class = math.floor(status / 100) .. "xx"
  counts[class] = (counts[class] or 0) + 1
  statuses[tostring(status)] = (statuses[tostring(status)] or 0) + 1
end
