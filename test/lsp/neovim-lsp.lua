-- Drives the language server from Neovim's built-in LSP client (Neovim 0.7+: start_client,
-- buf_attach_client, buf_request_sync). Settings come from environment variables; the result
-- (diagnostics and hover) is written as JSON for test/lsp/neovim.test.ts to check.
local server = os.getenv('SMTP_STATUS_SERVER')
local file = os.getenv('SMTP_STATUS_FILE')
local out = os.getenv('SMTP_STATUS_OUT')
local hover_line = tonumber(os.getenv('SMTP_STATUS_HOVER_LINE'))
local hover_char = tonumber(os.getenv('SMTP_STATUS_HOVER_CHAR'))

local result = { diagnostics = {}, hover = vim.NIL, errors = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = os.getenv('SMTP_STATUS_FILETYPE') or ''
  local client_id = vim.lsp.start_client({
    name = 'smtp-status',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, params)
        if params.uri == vim.uri_from_bufnr(bufnr) then result.diagnostics = params.diagnostics end
      end,
    },
    on_exit = function(code, signal)
      if code ~= 0 then table.insert(result.errors, 'server exited with code ' .. code .. ', signal ' .. signal) end
    end,
  })
  if not client_id then error('start_client failed') end
  vim.lsp.buf_attach_client(bufnr, client_id)
  vim.wait(20000, function() return #result.diagnostics > 0 end, 50)
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = hover_line, character = hover_char },
  }, 20000)
  for _, response in pairs(responses or {}) do
    if response.result then result.hover = response.result end
    if response.err then table.insert(result.errors, vim.inspect(response.err)) end
  end
  vim.lsp.stop_client(client_id)
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
