-- Neovim (Debian 12's 0.7.2) as a real client of `netlint lsp` (issue 22), run headless by
-- tools/editor_test.py: the 0.7 API of docs/lsp.md (vim.lsp.start_client, buf_attach_client)
-- opens the demo's orders.yaml, waits for NL1001 on line 36 with source `netlint` in
-- vim.diagnostic, applies its code action in the unsaved buffer and waits for NL1001 to go,
-- closes the document and waits for the server to clear it, then stops it.
-- Inputs from the environment: NETLINT (the binary), NETLINT_DEMO (testdata/demo).
-- Prints `ok ...` / `FAIL ...` lines and exits 0 or 1 (`cquit`), never waits for a user.

local TIMEOUT = 60000 -- ms for any one step: a slow CI machine, never a hang
local netlint = assert(os.getenv("NETLINT"), "NETLINT is not set")
local demo = assert(os.getenv("NETLINT_DEMO"), "NETLINT_DEMO is not set")
local orders = demo .. "/production/orders.yaml"

local function say(line) io.stdout:write(line .. "\n") end

-- Every publication the server sent, by URI, beside Neovim's own handling of it: closing a
-- document must be answered by an empty publication, which vim.diagnostic alone cannot show
-- (detaching a buffer resets its diagnostics on the editor's side anyway).
local published = {}
local default_publish = vim.lsp.handlers["textDocument/publishDiagnostics"]

local function run()
  local exit_code
  local client_id = vim.lsp.start_client({
    name = "netlint",
    cmd = { netlint, "lsp" },
    root_dir = demo,
    on_exit = function(code) exit_code = code end,
    handlers = {
      ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
        published[result.uri] = result.diagnostics
        return default_publish(err, result, ctx, config)
      end,
    },
  })
  assert(client_id, "vim.lsp.start_client did not start netlint")
  vim.cmd("edit " .. vim.fn.fnameescape(orders))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  assert(vim.lsp.buf_attach_client(bufnr, client_id), "buf_attach_client failed")

  local function nl1001()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == "NL1001" then return d end
    end
  end
  assert(vim.wait(TIMEOUT, function() return nl1001() ~= nil end, 20),
    "no NL1001 in vim.diagnostic within the timeout; got " .. vim.inspect(vim.diagnostic.get(bufnr)))
  local d = nl1001()
  assert(d.lnum == 35, "NL1001 is not on line 36: lnum " .. tostring(d.lnum))
  assert(d.source == "netlint", "source is " .. tostring(d.source))
  local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  assert(line:sub(d.col + 1, d.end_col) == "order-service",
    "the range does not cover the selector value: " .. vim.inspect(line:sub(d.col + 1, d.end_col)))
  say("ok   neovim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor) .. "."
    .. tostring(vim.version().patch) .. ": NL1001 on line 36, source netlint: " .. d.message:gsub("\n.*", ""))

  -- Quick fix: ask for the code actions at the finding, apply the preferred one's edit to the
  -- buffer without saving it, and wait for the server's re-lint of the unsaved text to drop
  -- NL1001 (the file on disk still has the typo, so only the buffer can have fixed it).
  local client = vim.lsp.get_client_by_id(client_id)
  local params = {
    textDocument = { uri = uri },
    range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = {}, only = { "quickfix" } },
  }
  for _, raw in ipairs(published[uri] or {}) do -- the server's own diagnostics on that line
    if raw.range.start.line == d.lnum then table.insert(params.context.diagnostics, raw) end
  end
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, TIMEOUT)
  assert(responses and responses[client_id], "no answer to textDocument/codeAction")
  assert(responses[client_id].err == nil, "codeAction failed: " .. vim.inspect(responses[client_id].err))
  local action
  for _, a in ipairs(responses[client_id].result or {}) do
    for _, fixed in ipairs(a.diagnostics or {}) do
      if fixed.code == "NL1001" and a.edit then action = a end
    end
  end
  assert(action, "no code action fixes NL1001: " .. vim.inspect(responses[client_id].result))
  published[uri] = nil
  -- 0.7's apply_workspace_edit takes the client's offset encoding as its second argument.
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  assert(vim.api.nvim_buf_get_option(bufnr, "modified"), "applying the fix did not change the buffer")
  local fixed_line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  assert(vim.wait(TIMEOUT, function() return nl1001() == nil and published[uri] ~= nil end, 20),
    "NL1001 is still there after applying the fix: " .. vim.inspect(vim.diagnostic.get(bufnr)))
  say("ok   neovim: code action \"" .. action.title .. "\" applied in the unsaved buffer (line 36 now `"
    .. vim.trim(fixed_line) .. "`), NL1001 gone")

  -- Close: the server publishes an empty list for the document, and the editor shows nothing.
  published[uri] = nil
  vim.lsp.buf_detach_client(bufnr, client_id)
  assert(vim.wait(TIMEOUT, function() return published[uri] ~= nil end, 20),
    "no publication for " .. uri .. " after closing it")
  assert(#published[uri] == 0, "closing left diagnostics: " .. vim.inspect(published[uri]))
  assert(#vim.diagnostic.get(bufnr) == 0, "vim.diagnostic still holds " .. vim.inspect(vim.diagnostic.get(bufnr)))
  say("ok   neovim: closing the document cleared its diagnostics")

  -- shutdown then exit: the server ends by itself, with status 0.
  vim.lsp.get_client_by_id(client_id).stop()
  assert(vim.wait(TIMEOUT, function() return exit_code ~= nil end, 20), "the server did not exit")
  assert(exit_code == 0, "the server exited with " .. tostring(exit_code) .. " after shutdown and exit")
  say("ok   neovim: shutdown then exit, status 0")
end

local ok, err = xpcall(run, debug.traceback)
if ok then
  vim.cmd("qall!")
else
  say("FAIL neovim: " .. tostring(err))
  vim.cmd("cquit 1")
end
