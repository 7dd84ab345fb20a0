# corebalance_migrations(TARGET <lib> COMPONENT <name> FUNCTION <c++ name>
#                        DIR <folder of NNNN_description.sql files>)
#
# Builds static library <lib> holding
#   std::vector<corebalance::store::Migration> <FUNCTION>();
# with every .sql file of DIR embedded, in version order. The .cc is generated
# at build time and again whenever a .sql file changes; adding or removing a
# file re-runs CMake (CONFIGURE_DEPENDS). The component's own header declares
# FUNCTION, e.g. `namespace corebalance::access { std::vector<store::Migration>
# Migrations(); }` for FUNCTION corebalance::access::Migrations.
include_guard(GLOBAL)

function(corebalance_migrations)
  cmake_parse_arguments(PARSE_ARGV 0 ARG "" "TARGET;COMPONENT;FUNCTION;DIR" "")
  foreach(required TARGET COMPONENT FUNCTION DIR)
    if(NOT ARG_${required})
      message(FATAL_ERROR "corebalance_migrations: ${required} is required")
    endif()
  endforeach()
  if(NOT ARG_COMPONENT MATCHES "^[A-Za-z0-9_]+$")
    message(FATAL_ERROR
      "corebalance_migrations: COMPONENT '${ARG_COMPONENT}' must be [A-Za-z0-9_]+")
  endif()
  get_filename_component(dir "${ARG_DIR}" ABSOLUTE
                         BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
  file(GLOB sql_files CONFIGURE_DEPENDS "${dir}/*.sql")
  list(SORT sql_files)
  if(NOT sql_files)
    message(FATAL_ERROR "corebalance_migrations: no .sql files in ${dir}")
  endif()
  foreach(f ${sql_files})
    get_filename_component(file_name "${f}" NAME)
    if(NOT file_name MATCHES "^[0-9]+_[A-Za-z0-9_]+\\.sql$")
      message(FATAL_ERROR "corebalance_migrations: ${f} is not named "
                          "NNNN_description.sql")
    endif()
  endforeach()

  # Templates a migration may include (--@template), rebuilt when they change.
  file(GLOB migration_templates CONFIGURE_DEPENDS
       "${PROJECT_SOURCE_DIR}/services/*/*.sql.in")
  # The generator script sits beside this file, wherever it is called from.
  set(generator ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/GenerateMigrations.cmake)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${ARG_TARGET}_migrations.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND}
      -DCOMPONENT=${ARG_COMPONENT}
      -DFUNCTION=${ARG_FUNCTION}
      -DSQL_DIR=${dir}
      -DOUT=${out}
      -DROOT=${PROJECT_SOURCE_DIR}
      -P ${generator}
    DEPENDS ${sql_files} ${generator} ${migration_templates}
    COMMENT "Embedding ${ARG_COMPONENT} migrations"
    VERBATIM)

  add_library(${ARG_TARGET} STATIC ${out})
  target_compile_options(${ARG_TARGET} PRIVATE ${COREBALANCE_WARNINGS})
  target_link_libraries(${ARG_TARGET} PUBLIC corebalance_store)
endfunction()
