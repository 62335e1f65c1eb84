-- wrk script: GET a random path from a list on every request, so a run measures cache misses and the
-- database rather than the same cached page over and over.
--
--   PATHS_FILE=paths.txt wrk -t2 -c32 -d10s --latency -s tests/load/random-path.lua http://127.0.0.1:5099
--
-- PATHS_FILE holds one path a line ("/news/some-slug", "/category/world?page=7"); run.sh writes it with sqlite3.

local paths = {}
local file = os.getenv("PATHS_FILE")
if file then
  for line in io.lines(file) do
    if line ~= "" then paths[#paths + 1] = line end
  end
end

local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

tid = 0

function init(args)
  if #paths == 0 then
    io.stderr:write("random-path.lua: PATHS_FILE is missing or empty\n")
    os.exit(2)
  end
  math.randomseed(os.time() * 1000 + tid)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
