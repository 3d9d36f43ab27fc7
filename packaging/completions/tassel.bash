# bash completion for tassel
_tassel()
{
    local cur prev words cword
    _init_completion || return
    local commands="check graduate verify gui"
    if [[ $cword -eq 1 ]]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        _filedir ipynb
        return
    fi
    case $prev in
        --format) COMPREPLY=($(compgen -W "text json sarif html markdown" -- "$cur")); return ;;
        --fail-on) COMPREPLY=($(compgen -W "error warning info never" -- "$cur")); return ;;
        --select|--ignore)
            COMPREPLY=($(compgen -W "use-before-definition undefined-name out-of-order-execution stale-output unexecuted-cell execution-gap non-idempotent-cell opaque-code hardcoded-secret unpinned-dependency undeclared-dependency unused-declaration shell-install" -- "$cur")); return ;;
        --output|--screenshot|--save-executed) _filedir; return ;;
        --split) COMPREPLY=($(compgen -W "headings cells single" -- "$cur")); return ;;
        --order) COMPREPLY=($(compgen -W "document execution suggested" -- "$cur")); return ;;
        --python) _filedir; return ;;
        --jobs|--exclude|--python-version) return ;;
    esac
    case ${words[1]} in
        check)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "--format --output --fail-on --jobs --exclude --select --ignore --quiet --python-version --python --no-secrets --no-dependencies --help" -- "$cur"))
            else
                _filedir ipynb
            fi ;;
        graduate)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "--output --name --split --force --dry-run --allow-hidden-state --python --help" -- "$cur"))
            else
                _filedir ipynb
            fi ;;
        verify)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "--python --timeout --cell-timeout --order --format --output --env --keep-going --float-tolerance --save-executed --help" -- "$cur"))
            else
                _filedir ipynb
            fi ;;
        gui)
            if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "--screenshot" -- "$cur")); else _filedir ipynb; fi ;;
        *) _filedir ipynb ;;
    esac
} && complete -F _tassel tassel
