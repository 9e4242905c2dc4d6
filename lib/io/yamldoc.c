/* A YAML document as a tree of nodes that remember their file, line, column and key path, read
   with libyaml's event parser. Anchors, aliases and tags are refused: scenarios stay plain. */
#include <gw/private/ioimpl.h>
#include <yaml.h>
#include <string.h>

typedef struct {
  GWYamlNode *slot; /* where the next node goes */
} Frame;

static PetscErrorCode NewNode(GWYamlKind kind, const yaml_mark_t *mark, const char *file, const char *path, GWYamlNode *node)
{
  PetscFunctionBegin;
  PetscCall(PetscNew(node));
  (*node)->kind = kind;
  (*node)->line = (PetscInt)mark->line + 1;
  (*node)->col  = (PetscInt)mark->column + 1;
  (*node)->file = file;
  PetscCall(PetscStrallocpy(path, &(*node)->path));
  PetscFunctionReturn(0);
}

static PetscErrorCode FreeNode(GWYamlNode node)
{
  PetscFunctionBegin;
  if (!node) PetscFunctionReturn(0);
  for (PetscInt i = 0; i < node->n; i++) {
    if (node->keys) PetscCall(FreeNode(node->keys[i]));
    if (node->items) PetscCall(FreeNode(node->items[i]));
  }
  PetscCall(PetscFree(node->keys));
  PetscCall(PetscFree(node->items));
  PetscCall(PetscFree(node->value));
  PetscCall(PetscFree(node->path));
  PetscCall(PetscFree(node));
  PetscFunctionReturn(0);
}

/* The message of a libyaml parse failure: where, what, and in which construct started where. */
static PetscErrorCode SyntaxMessage(const yaml_parser_t *parser, const char *file, char msg[], size_t len)
{
  char ctx[160] = "";

  PetscFunctionBegin;
  if (parser->context) PetscCall(PetscSNPrintf(ctx, sizeof(ctx), " %s started at line %d", parser->context, (int)parser->context_mark.line + 1));
  PetscCall(PetscSNPrintf(msg, len, "%s:%d:%d: YAML syntax error: %s%s", file, (int)parser->problem_mark.line + 1, (int)parser->problem_mark.column + 1, parser->problem ? parser->problem : "unknown", ctx));
  PetscFunctionReturn(0);
}

/* The next event of the stream; a syntax error names file:line:column. */
static PetscErrorCode NextEvent(yaml_parser_t *parser, const char *file, yaml_event_t *ev)
{
  PetscFunctionBegin;
  if (!yaml_parser_parse(parser, ev)) {
    char msg[512];
    PetscCall(SyntaxMessage(parser, file, msg, sizeof(msg)));
    SETERRQ(PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s", msg);
  }
  PetscFunctionReturn(0);
}

/* Deeper than any scenario needs; the limit keeps the recursion below from exhausting the stack. */
#define GW_YAML_MAX_DEPTH 32

static PetscErrorCode ParseNode(yaml_parser_t *, yaml_event_t *, const char *, const char *, PetscInt, GWYamlNode *);

/* The key of a mapping entry of node from event ev, with the entry's path cpath; a key node
   already has is an error. Nothing is allocated before the checks. */
static PetscErrorCode ParseKey(const yaml_event_t *ev, const char *file, const char *path, GWYamlNode node, char cpath[], size_t len, GWYamlNode *key)
{
  PetscFunctionBegin;
  PetscCheck(ev->type == YAML_SCALAR_EVENT, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s:%d:%d: %s: a key must be a plain word", file, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1, path);
  PetscCall(PetscSNPrintf(cpath, len, "%s%s%s", path, path[0] ? "." : "", (const char *)ev->data.scalar.value));
  for (PetscInt i = 0; i < node->n; i++) {
    PetscBool same;
    PetscCall(PetscStrcmp(node->keys[i]->value, (const char *)ev->data.scalar.value, &same));
    PetscCheck(!same, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s:%" PetscInt_FMT ":%" PetscInt_FMT ": %s: key given twice (first at line %" PetscInt_FMT "); keep one", file, (PetscInt)ev->start_mark.line + 1, (PetscInt)ev->start_mark.column + 1, cpath, node->keys[i]->line);
  }
  PetscCall(NewNode(GW_YAML_SCALAR, &ev->start_mark, file, cpath, key));
  PetscCall(PetscStrallocpy((const char *)ev->data.scalar.value, &(*key)->value));
  PetscFunctionReturn(0);
}

/* The entries of mapping or sequence node up to its end event, each parsed recursively. node is
   the caller's (freed by it on error, with the entries added so far); the events and the key and
   value of an entry not yet added are freed here. */
static PetscErrorCode ParseEntries(yaml_parser_t *parser, const char *file, const char *path, PetscInt depth, GWYamlNode node)
{
  PetscBool map = (PetscBool)(node->kind == GW_YAML_MAP);
  PetscInt  cap = 0;

  PetscFunctionBegin;
  for (;;) {
    yaml_event_t   child;
    char           cpath[1024];
    GWYamlNode     key = NULL, val = NULL;
    PetscErrorCode ierr;
    PetscCall(NextEvent(parser, file, &child));
    if (child.type == YAML_MAPPING_END_EVENT || child.type == YAML_SEQUENCE_END_EVENT) {
      yaml_event_delete(&child);
      break;
    }
    if (map) {
      ierr = ParseKey(&child, file, path, node, cpath, sizeof(cpath), &key);
      yaml_event_delete(&child);
      PetscCall(ierr);
      ierr = NextEvent(parser, file, &child);
      if (ierr) PetscCall(FreeNode(key));
      PetscCall(ierr);
    } else
      PetscCall(PetscSNPrintf(cpath, sizeof(cpath), "%s[%" PetscInt_FMT "]", path, node->n));
    ierr = ParseNode(parser, &child, file, cpath, depth + 1, &val);
    yaml_event_delete(&child);
    if (ierr) PetscCall(FreeNode(key));
    PetscCall(ierr);
    if (node->n == cap) {
      cap = PetscMax(8, 2 * cap);
      PetscCall(PetscRealloc(sizeof(GWYamlNode) * cap, &node->items));
      if (map) PetscCall(PetscRealloc(sizeof(GWYamlNode) * cap, &node->keys));
    }
    if (map) node->keys[node->n] = key;
    node->items[node->n++] = val;
  }
  PetscFunctionReturn(0);
}

/* Parses one node (scalar, mapping or sequence) starting at event ev, recursively (ev stays the
   caller's). On an error nothing of the node is left allocated. */
static PetscErrorCode ParseNode(yaml_parser_t *parser, yaml_event_t *ev, const char *file, const char *path, PetscInt depth, GWYamlNode *out)
{
  GWYamlNode     node = NULL;
  PetscErrorCode ierr;

  PetscFunctionBegin;
  *out = NULL;
  PetscCheck(depth < GW_YAML_MAX_DEPTH, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s:%d:%d: %s: nested more than %d levels deep; a scenario needs a few", file, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1, path, GW_YAML_MAX_DEPTH);
  PetscCheck(ev->type != YAML_ALIAS_EVENT, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s:%d:%d: %s: YAML aliases (*name) are not supported; write the value out", file, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1, path);
  if (ev->type == YAML_SCALAR_EVENT) {
    PetscCheck(!ev->data.scalar.anchor, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s:%d:%d: %s: YAML anchors (&name) are not supported", file, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1, path);
    PetscCall(NewNode(GW_YAML_SCALAR, &ev->start_mark, file, path, &node));
    ierr = PetscStrallocpy((const char *)ev->data.scalar.value, &node->value);
  } else if (ev->type == YAML_MAPPING_START_EVENT || ev->type == YAML_SEQUENCE_START_EVENT) {
    PetscCall(NewNode(ev->type == YAML_MAPPING_START_EVENT ? GW_YAML_MAP : GW_YAML_SEQ, &ev->start_mark, file, path, &node));
    ierr = ParseEntries(parser, file, path, depth, node);
  } else
    SETERRQ(PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s:%d:%d: %s: unexpected YAML content", file, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1, path);
  if (ierr) PetscCall(FreeNode(node)); /* bad input: nothing left allocated (check-sanitize) */
  PetscCall(ierr);
  *out = node;
  PetscFunctionReturn(0);
}

/* The root node of the document, from its first event ev; a second document is an error. */
static PetscErrorCode ParseRoot(yaml_parser_t *parser, yaml_event_t *ev, const char file[], GWYamlDoc *doc)
{
  PetscFunctionBegin;
  PetscCheck(!doc->root, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s:%d:%d: more than one YAML document; keep one scenario per file", file, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1);
  PetscCall(ParseNode(parser, ev, doc->file, "", 0, &doc->root));
  PetscFunctionReturn(0);
}

/* The events of the stream into doc->root. doc is the caller's (freed by it on error); each
   event is freed here. */
static PetscErrorCode ParseStream(yaml_parser_t *parser, const char file[], GWYamlDoc *doc)
{
  PetscBool done = PETSC_FALSE;

  PetscFunctionBegin;
  while (!done) {
    yaml_event_t   ev;
    PetscErrorCode ierr = 0;
    PetscCall(NextEvent(parser, file, &ev));
    if (ev.type == YAML_MAPPING_START_EVENT || ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_SCALAR_EVENT || ev.type == YAML_ALIAS_EVENT) ierr = ParseRoot(parser, &ev, file, doc);
    done = (PetscBool)(ev.type == YAML_STREAM_END_EVENT);
    yaml_event_delete(&ev);
    PetscCall(ierr);
  }
  PetscCheck(doc->root && doc->root->kind == GW_YAML_MAP, PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s:1:1: the scenario must be a YAML mapping of sections (grid:, materials:, ...)", file);
  PetscFunctionReturn(0);
}

/* Reads a YAML file into a tree. Errors name file:line:column; on an error nothing of doc is left
   allocated. */
PetscErrorCode GWYamlLoad_Private(const char file[], GWYamlDoc *doc)
{
  FILE          *fp;
  yaml_parser_t  parser;
  PetscErrorCode ierr;

  PetscFunctionBegin;
  PetscCall(PetscMemzero(doc, sizeof(*doc)));
  fp = fopen(file, "rb");
  PetscCheck(fp, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "%s: cannot open the scenario file; check the path", file);
  if (!yaml_parser_initialize(&parser)) {
    fclose(fp);
    SETERRQ(PETSC_COMM_SELF, PETSC_ERR_MEM, "cannot initialise libyaml");
  }
  yaml_parser_set_input_file(&parser, fp);
  ierr = PetscStrallocpy(file, &doc->file);
  if (!ierr) ierr = ParseStream(&parser, file, doc);
  yaml_parser_delete(&parser);
  fclose(fp);
  if (ierr) PetscCall(GWYamlFree_Private(doc)); /* bad input: nothing left allocated (check-sanitize) */
  PetscCall(ierr);
  PetscFunctionReturn(0);
}

PetscErrorCode GWYamlFree_Private(GWYamlDoc *doc)
{
  PetscFunctionBegin;
  PetscCall(FreeNode(doc->root));
  PetscCall(PetscFree(doc->file));
  doc->root = NULL;
  PetscFunctionReturn(0);
}

/* Value of key in a mapping, or NULL. */
GWYamlNode GWYamlGet_Private(GWYamlNode map, const char key[])
{
  if (!map || map->kind != GW_YAML_MAP) return NULL;
  for (PetscInt i = 0; i < map->n; i++)
    if (!strcmp(map->keys[i]->value, key)) return map->items[i];
  return NULL;
}

/* Levenshtein distance, for did-you-mean suggestions. */
PetscInt GWEditDistance_Private(const char *a, const char *b)
{
  PetscInt la = (PetscInt)strlen(a), lb = (PetscInt)strlen(b), d[64];

  if (lb >= 63) return 99;
  for (PetscInt j = 0; j <= lb; j++) d[j] = j;
  for (PetscInt i = 1; i <= la; i++) {
    PetscInt prev = d[0];
    d[0]          = i;
    for (PetscInt j = 1; j <= lb; j++) {
      PetscInt cur = d[j];
      d[j]         = PetscMin(PetscMin(d[j] + 1, d[j - 1] + 1), prev + (a[i - 1] == b[j - 1] ? 0 : 1));
      prev         = cur;
    }
  }
  return d[lb];
}

/* If table path t starts with the components of pattern p ('*' in t matches any one component),
   the rest of t after them and the dot, else NULL. */
static const char *MatchPrefix(const char *t, const char *p)
{
  while (*p) {
    size_t lt = strcspn(t, "."), lp = strcspn(p, ".");
    if (!(lt == 1 && t[0] == '*') && (lt != lp || strncmp(t, p, lt))) return NULL;
    t += lt;
    p += lp;
    if (*p == '.') p++;
    if (*t != '.') return NULL;
    t++;
  }
  return t;
}

/* Refuses keys of map that the key table does not list under pattern (e.g. "packages[]"),
   suggesting the closest valid key. */
PetscErrorCode GWYamlCheckKeysIn_Private(GWYamlNode map, const char pattern[], const GWKeyDoc table[])
{
  size_t plen = strlen(pattern);

  PetscFunctionBegin;
  GWInputCheck(map->kind == GW_YAML_MAP, map, "expected a mapping of keys (key: value lines)");
  for (PetscInt i = 0; i < map->n; i++) {
    const char *key = map->keys[i]->value, *best = NULL;
    PetscInt    bestd      = 99;
    PetscBool   found      = PETSC_FALSE;
    size_t      bestl      = 0;
    char        list[1024] = "";
    for (const GWKeyDoc *k = table; k->path; k++) {
      const char *rest;
      char        cand[128];
      size_t      l;
      PetscInt    d;
      if (plen && !(rest = MatchPrefix(k->path, pattern))) continue;
      if (!plen) rest = k->path;
      l = PetscMin(strcspn(rest, ".["), sizeof(cand) - 1); /* "dx" of "dx.netcdf": allowed here */
      memcpy(cand, rest, l);
      cand[l] = 0;
      if (!strcmp(cand, key) || !strcmp(cand, "*")) { /* "*": any name, checked by its reader */
        found = PETSC_TRUE;
        break;
      }
      d = GWEditDistance_Private(key, cand);
      if (d < bestd) {
        bestd = d;
        best  = k->path + (plen ? plen + 1 : 0);
        bestl = l;
      }
      if (!strstr(list, cand) && strlen(list) + l + 3 < sizeof(list)) {
        if (list[0]) strcat(list, ", ");
        strcat(list, cand);
      }
    }
    if (!found) {
      GWYamlNode kn = map->keys[i];
      if (best && bestd <= 3) GWInputCheck(PETSC_FALSE, kn, "unknown key \"%s\"; did you mean \"%.*s\"?", key, (int)bestl, best);
      GWInputCheck(PETSC_FALSE, kn, "unknown key \"%s\"; valid keys here: %s", key, list);
    }
  }
  PetscFunctionReturn(0);
}

/* The keys of a scenario file (GWScenarioKeys). */
PetscErrorCode GWYamlCheckKeys_Private(GWYamlNode map, const char pattern[])
{
  PetscFunctionBegin;
  PetscCall(GWYamlCheckKeysIn_Private(map, pattern, GWScenarioKeys));
  PetscFunctionReturn(0);
}

/* The text of key in map (unchanged when the key is absent and not required). */
PetscErrorCode GWGetString_Private(GWYamlNode map, const char key[], PetscBool required, const char **value)
{
  GWYamlNode v = GWYamlGet_Private(map, key);

  PetscFunctionBegin;
  if (!v) {
    GWInputCheck(!required, map, "missing key \"%s\"", key);
    PetscFunctionReturn(0);
  }
  GWInputCheck(v->kind == GW_YAML_SCALAR, v, "expected a single word or text");
  *value = v->value;
  PetscFunctionReturn(0);
}
