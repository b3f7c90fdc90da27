-- Drives the language server from Neovim's built-in LSP client (Neovim 0.7+: start_client,
-- buf_attach_client, buf_request_sync). Settings come from environment variables; the result
-- (diagnostics, hover, and for SMTP_STATUS_TRACE=1 definition, references and highlights at the
-- hover position) is written as JSON for test/lsp/neovim.test.ts to check.
local server = os.getenv('SMTP_STATUS_SERVER')
local file = os.getenv('SMTP_STATUS_FILE')
local out = os.getenv('SMTP_STATUS_OUT')
local hover_line = tonumber(os.getenv('SMTP_STATUS_HOVER_LINE'))
local hover_char = tonumber(os.getenv('SMTP_STATUS_HOVER_CHAR'))

local trace = os.getenv('SMTP_STATUS_TRACE') == '1'

local result = { diagnostics = {}, published = false, hover = vim.NIL, definition = vim.NIL, references = vim.NIL, highlights = vim.NIL, errors = {} }

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
        if params.uri == vim.uri_from_bufnr(bufnr) then
          result.diagnostics = params.diagnostics
          result.published = true
        end
      end,
    },
    on_exit = function(code, signal)
      if code ~= 0 then table.insert(result.errors, 'server exited with code ' .. code .. ', signal ' .. signal) end
    end,
  })
  if not client_id then error('start_client failed') end
  vim.lsp.buf_attach_client(bufnr, client_id)
  -- A log may have no problems: its (empty) diagnostics still say the server has read it.
  vim.wait(20000, function() return #result.diagnostics > 0 or (trace and result.published) end, 50)
  local function ask(method, extra)
    local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = hover_line, character = hover_char } }
    for key, value in pairs(extra or {}) do params[key] = value end
    local answer = vim.NIL
    for _, response in pairs(vim.lsp.buf_request_sync(bufnr, method, params, 20000) or {}) do
      if response.result then answer = response.result end
      if response.err then table.insert(result.errors, method .. ': ' .. vim.inspect(response.err)) end
    end
    return answer
  end
  result.hover = ask('textDocument/hover')
  if trace then
    result.definition = ask('textDocument/definition')
    result.references = ask('textDocument/references', { context = { includeDeclaration = true } })
    result.highlights = ask('textDocument/documentHighlight')
  end
  vim.lsp.stop_client(client_id)
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
