# Per-target warnings; -Werror only where asked (CI), so a new compiler's new warning
# does not break a user's build.
function(tassel_set_warnings target)
    target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -pedantic>)
    if(TASSEL_WERROR)
        target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CXX>:-Werror>)
    endif()
endfunction()
