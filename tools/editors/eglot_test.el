;;; eglot_test.el --- Emacs 28 + eglot 1.9 (Debian 12) as a real client of `netlint lsp'  -*- lexical-binding: t -*-
;;
;; Run in batch mode by tools/editor_test.py (issue 22): the setup of docs/lsp.md (netlint in
;; `eglot-server-programs', `eglot-ensure' from the YAML mode's hook) opens the demo's
;; orders.yaml, and flymake must show NL1001 on line 36 from source `netlint'; its quick fix,
;; applied in the unsaved buffer, must make NL1001 go. Then the buffer
;; is killed (eglot sends didClose; the server must publish an empty list for it) and the
;; server is shut down (it must answer `shutdown'; eglot then kills the process without waiting
;; for its exit status, which tools/lsp_test.py checks instead).  Inputs from the environment: NETLINT (the binary), NETLINT_DEMO
;; (testdata/demo).  Prints `ok ...' / `FAIL ...' lines and exits 0 or 1.

(require 'eglot)  ; Debian's elpa-eglot, on the load path through /etc/emacs/site-start.d
(require 'flymake)
(require 'cl-lib)
(require 'lisp-mnt)

(defconst netlint-test-timeout 60 "Seconds for any one step: a slow CI machine, never a hang.")
(defconst netlint-test-binary (or (getenv "NETLINT") (error "NETLINT is not set")))
(defconst netlint-test-demo (file-name-as-directory (or (getenv "NETLINT_DEMO") (error "NETLINT_DEMO is not set"))))

(defun netlint-test-say (format-string &rest args)
  (princ (concat (apply #'format format-string args) "\n")))  ; batch mode: standard output

;; Emacs 28 has no YAML mode; the user's yaml-mode (MELPA) plays this part in docs/lsp.md.
(unless (fboundp 'yaml-mode)
  (define-derived-mode yaml-mode text-mode "YAML"))

;; The workspace root is the demo, as a user with a project there would have it (the source
;; tree around it is another git project, whose root eglot would pick otherwise).
(add-hook 'project-find-functions
          (lambda (dir)
            (when (file-in-directory-p dir netlint-test-demo)
              (cons 'transient netlint-test-demo))))

;; docs/lsp.md's setup, with the binary under test.
(add-to-list 'eglot-server-programs `(yaml-mode . (,netlint-test-binary "lsp")))
(add-hook 'yaml-mode-hook #'eglot-ensure)

;; Every publication the server sent, by file, beside eglot's own handling: after the buffer is
;; killed the server must publish an empty list for it.
(defvar netlint-test-published (make-hash-table :test #'equal))
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (puthash (expand-file-name (eglot--uri-to-path uri)) diagnostics netlint-test-published))

(defun netlint-test-wait (what predicate)
  "Runs the event loop until PREDICATE is true; signals WHAT after the timeout."
  (let ((deadline (+ (float-time) netlint-test-timeout)) result)
    (while (and (not (setq result (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (or result (error "Timed out waiting for %s" what))))

(defun netlint-test-nl1001 ()
  "NL1001 among the buffer's flymake diagnostics, or nil."
  ;; Flymake defers its first check until a command runs or the buffer is shown; batch mode has
  ;; neither, so it is started here, as the command loop would.
  (flymake-start)
  (cl-find-if (lambda (d)
                (string-match-p "\\`netlint \\[NL1001\\]: " (flymake-diagnostic-text d)))
              (flymake-diagnostics)))

(defun netlint-test-run ()
  (let* ((file (expand-file-name "production/orders.yaml" netlint-test-demo))
         (buffer (find-file-noselect file)))
    (with-current-buffer buffer
      (yaml-mode)
      ;; eglot-ensure connects from post-command-hook, after the command that opened the file.
      (run-hooks 'post-command-hook)
      (netlint-test-wait "eglot to manage the buffer" (lambda () eglot--managed-mode))
      (unless (memq 'flymake-mode local-minor-modes) (error "eglot did not turn flymake on"))
      (let* ((d (netlint-test-wait "NL1001 in flymake" #'netlint-test-nl1001))
             (spec (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)))
             (line (line-number-at-pos (flymake-diagnostic-beg d))))
        (unless (= line 36) (error "NL1001 is on line %d, not 36" line))
        (unless (equal (plist-get spec :source) "netlint") (error "source is %S" (plist-get spec :source)))
        (unless (equal (buffer-substring (flymake-diagnostic-beg d) (flymake-diagnostic-end d)) "order-service")
          (error "the region is %S" (buffer-substring (flymake-diagnostic-beg d) (flymake-diagnostic-end d))))
        (netlint-test-say "ok   emacs %s eglot %s: NL1001 on line 36 through flymake, %s: %s"
                          emacs-version
                          (or (lm-version (locate-library "eglot.el")) "?")
                          (symbol-name (flymake-diagnostic-type d))
                          (car (split-string (flymake-diagnostic-text d) "\n"))))
      ;; Quick fix: the code actions at the finding (what `eglot-code-actions' asks for), the
      ;; preferred one's edit applied to the unsaved buffer as eglot applies a chosen action, then
      ;; NL1001 must leave flymake (the file on disk keeps the typo; only the buffer is fixed).
      (let* ((d (netlint-test-nl1001))
             (actions (eglot-code-actions (flymake-diagnostic-beg d) (flymake-diagnostic-end d) "quickfix"))
             (action (or (cl-find-if (lambda (a) (plist-get a :isPreferred)) actions)
                         (error "no preferred quick fix for NL1001: %S" actions))))
        (eglot--apply-workspace-edit (plist-get action :edit))
        (unless (buffer-modified-p) (error "applying the fix did not change the buffer"))
        ;; eglot sends didChange from an idle timer, and batch mode is never idle: send it as that
        ;; timer would.
        (eglot--signal-textDocument/didChange)
        (netlint-test-wait "NL1001 to leave flymake after the fix" (lambda () (not (netlint-test-nl1001))))
        (netlint-test-say "ok   emacs: code action \"%s\" applied in the unsaved buffer (line 36 now `%s'), NL1001 gone"
                          (plist-get action :title)
                          (save-excursion (goto-char (point-min)) (forward-line 35)
                                          (string-trim (buffer-substring (line-beginning-position) (line-end-position)))))))
    (let ((server (with-current-buffer buffer (eglot-current-server))))
      (remhash file netlint-test-published)
      ;; The fixed text is not saved: the file on disk stays the demo's, and kill-buffer must not ask.
      (with-current-buffer buffer (set-buffer-modified-p nil))
      (kill-buffer buffer)  ; eglot sends didClose
      (netlint-test-wait "the server to clear the closed document"
                         (lambda () (not (eq (gethash file netlint-test-published 'none) 'none))))
      (unless (zerop (length (gethash file netlint-test-published)))
        (error "closing left diagnostics: %S" (gethash file netlint-test-published)))
      (netlint-test-say "ok   emacs: killing the buffer cleared its diagnostics")
      ;; Signals when `shutdown' is not answered within its timeout.
      (eglot-shutdown server nil netlint-test-timeout)
      (netlint-test-say "ok   emacs: the server answered shutdown"))))

(condition-case err
    (progn (netlint-test-run) (kill-emacs 0))
  (error (netlint-test-say "FAIL emacs: %s" (error-message-string err))
         (kill-emacs 1)))
;;; eglot_test.el ends here
