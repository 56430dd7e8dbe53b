-- bench/api-post.lua: a wrk script for POST /api/chat/message.  Each
-- request is one turn in one of the sessions listed in SD_SESSIONS
-- (comma-separated, opened beforehand by bench-api.sh), with the key in
-- SD_KEY; each wrk thread starts at a different session, and the
-- messages cycle through a few kinds of customer line.
local sessions = {}
for s in string.gmatch(os.getenv("SD_SESSIONS") or "", "[^,]+") do
	sessions[#sessions + 1] = s
end
local messages = {
	"I need a gaming laptop under $1500",
	"how long does the battery last?",
	"what about the warranty?",
	"is it in stock?",
	"where is my order?",
	"thanks!",
	"do you have wireless headphones?",
	"what is your return policy?",
}
local threads = 0

function setup(thread)
	thread:set("tid", threads)
	threads = threads + 1
end

function init(args)
	n = (tid or 0) * 7919
	wrk.method = "POST"
	wrk.headers["Content-Type"] = "application/json"
	local key = os.getenv("SD_KEY")
	if key and key ~= "" then
		wrk.headers["Authorization"] = "Bearer " .. key
	end
end

-- Each distinct request is formatted once: the client's time is not
-- what the benchmark measures, and the machine's two CPUs are shared.
local cache = {}

function request()
	n = n + 1
	local si = (n % #sessions) + 1
	local mi = (n % #messages) + 1
	local k = si * 1000 + mi
	local r = cache[k]
	if r == nil then
		r = wrk.format(nil, nil, nil, string.format(
		    '{"session_id":"%s","user_id":"C001","message":"%s"}',
		    sessions[si], messages[mi]))
		cache[k] = r
	end
	return r
end
