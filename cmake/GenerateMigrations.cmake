# Script mode (cmake -P), run by corebalance_migrations() at build time:
# writes OUT, a .cc defining FUNCTION() that returns the migrations of
# SQL_DIR for COMPONENT, each file's SQL as a raw string literal.
cmake_minimum_required(VERSION 3.25)

foreach(var COMPONENT FUNCTION SQL_DIR OUT ROOT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "GenerateMigrations.cmake: -D${var}= is required")
  endif()
endforeach()

# "corebalance::access::Migrations" -> namespace corebalance::access, Migrations
string(REGEX MATCH "^(.*)::([A-Za-z_][A-Za-z0-9_]*)$" qualified "${FUNCTION}")
if(qualified)
  set(namespace "${CMAKE_MATCH_1}")
  set(function_name "${CMAKE_MATCH_2}")
else()
  set(namespace "")
  set(function_name "${FUNCTION}")
endif()

set(delimiter "cbsql")
file(GLOB sql_files "${SQL_DIR}/*.sql")
list(SORT sql_files)

set(entries "")
set(seen_versions "")
foreach(f ${sql_files})
  get_filename_component(file_name "${f}" NAME)
  if(NOT file_name MATCHES "^([0-9]+)_([A-Za-z0-9_]+)\\.sql$")
    message(FATAL_ERROR "${f}: not named NNNN_description.sql")
  endif()
  set(description "${CMAKE_MATCH_2}")
  # Leading zeros off, so "0010" is version 10.
  string(REGEX REPLACE "^0+([0-9])" "\\1" version "${CMAKE_MATCH_1}")
  if(version IN_LIST seen_versions)
    message(FATAL_ERROR "${f}: version ${version} is used by two files")
  endif()
  list(APPEND seen_versions ${version})

  file(READ "${f}" sql)
  # A line "--@template <path from the project root>" stands for that file,
  # with {service} replaced by the component: tables every service has (the
  # outbox) are written once.
  while(sql MATCHES "--@template ([^\n]+)\n")
    set(directive "${CMAKE_MATCH_0}")
    set(template "${ROOT}/${CMAKE_MATCH_1}")
    if(NOT EXISTS "${template}")
      message(FATAL_ERROR "${f}: no template ${template}")
    endif()
    file(READ "${template}" body)
    string(REPLACE "{service}" "${COMPONENT}" body "${body}")
    string(REPLACE "${directive}" "${body}" sql "${sql}")
  endwhile()
  string(FIND "${sql}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${f} contains )${delimiter}\" and cannot be embedded")
  endif()
  string(APPEND entries
    "      {\"${COMPONENT}\", ${version}, \"${description}\",\n"
    "       R\"${delimiter}(${sql})${delimiter}\"},\n")
endforeach()

set(code "// Generated from ${SQL_DIR} by cmake/GenerateMigrations.cmake.\n")
string(APPEND code "// Do not edit: change the .sql files instead.\n\n")
string(APPEND code "#include <vector>\n\n")
string(APPEND code "#include \"services/store/migrations.h\"\n\n")
if(namespace)
  string(APPEND code "namespace ${namespace} {\n\n")
endif()
string(APPEND code
  "std::vector<corebalance::store::Migration> ${function_name}() {\n"
  "  return {\n${entries}  };\n}\n")
if(namespace)
  string(APPEND code "\n}  // namespace ${namespace}\n")
endif()

file(WRITE "${OUT}" "${code}")
