/* Prototypes of the Fortran BLAS and LAPACK routines Interphase calls. OpenBLAS (Debian libopenblas-dev)
   provides them. Only InterphaseNumerics/LAPACK+C.swift calls these.

   Conventions (the Fortran 77 interface, not CBLAS/LAPACKE):
   - matrices are column-major; every argument is passed by pointer; integers are 32-bit (`int`), as in
     Debian's OpenBLAS (LP64, not the ILP64 "64_" build);
   - complex arrays are declared `double *`: interleaved (re, im) pairs, the layout of Fortran
     COMPLEX*16 and of LAPACK's `doublecomplex`;
   - every CHARACTER argument has a hidden length argument, appended after the visible arguments in
     order (gfortran's convention, LAPACK_FORTRAN_STRLEN_END in LAPACKE's lapack.h). OpenBLAS's own C
     implementations (dgemm_, dsyrk_, dpotrf_, dgesv_, zgesv_) do not read them, and on Linux x86-64
     omitting them usually works; but the reference-LAPACK routines OpenBLAS compiles with gfortran
     (dsyevd_, dsygvd_, dgesvd_, dgels_, dgelsd_, dpotrs_) may, with sibling-call optimisation, pass their own
     stack slots on, so Interphase declares and passes them (always 1). Extra arguments to a C function
     that ignores them are harmless in the System V x86-64 and AArch64 calling conventions (the caller
     owns and pops the stack). */
#ifndef INTERPHASE_CLAPACK_SHIM_H
#define INTERPHASE_CLAPACK_SHIM_H
#include <stddef.h>

/* ---- BLAS level 3 ---- */

/* C = alpha op(A) op(B) + beta C, op(X) = X or X^T (transa/transb 'N' or 'T'). */
void dgemm_(const char *transa, const char *transb, const int *m, const int *n, const int *k,
            const double *alpha, const double *a, const int *lda, const double *b, const int *ldb,
            const double *beta, double *c, const int *ldc, size_t transa_len, size_t transb_len);
/* C = alpha A A^T + beta C (trans 'N') or alpha A^T A + beta C ('T'); only the uplo triangle of C. */
void dsyrk_(const char *uplo, const char *trans, const int *n, const int *k, const double *alpha,
            const double *a, const int *lda, const double *beta, double *c, const int *ldc,
            size_t uplo_len, size_t trans_len);
void dsyr2k_(const char *uplo, const char *trans, const int *n, const int *k, const double *alpha, const double *a,
             const int *lda, const double *b, const int *ldb, const double *beta, double *c, const int *ldc, size_t uplo_len,
             size_t trans_len);

/* ---- LAPACK: linear systems and least squares ---- */

/* Least squares min ||A x - b|| by QR (full rank). */
void dgels_(const char *trans, const int *m, const int *n, const int *nrhs, double *a, const int *lda,
            double *b, const int *ldb, double *work, const int *lwork, int *info, size_t trans_len);
/* Minimum-norm least squares by SVD (divide and conquer); singular values <= rcond * s[0] count as 0. */
void dgelsd_(const int *m, const int *n, const int *nrhs, double *a, const int *lda, double *b,
             const int *ldb, double *s, const double *rcond, int *rank, double *work, const int *lwork,
             int *iwork, int *info);
/* Solve A X = B by LU with partial pivoting. */
void dgesv_(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv, double *b, const int *ldb, int *info);
/* Complex A X = B by LU with partial pivoting; a and b are interleaved (re, im). */
void zgesv_(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv, double *b, const int *ldb, int *info);
/* Cholesky factorisation A = L L^T (uplo 'L') or U^T U ('U') of a symmetric positive definite matrix. */
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t uplo_len);
/* Solve A X = B with the factor from dpotrf_. */
void dpotrs_(const char *uplo, const int *n, const int *nrhs, const double *a, const int *lda, double *b,
             const int *ldb, int *info, size_t uplo_len);

/* ---- LAPACK: eigenvalues and singular values ---- */

/* Symmetric eigenproblem, divide and conquer. */
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w,
             double *work, const int *lwork, int *iwork, const int *liwork, int *info,
             size_t jobz_len, size_t uplo_len);
/* Generalized symmetric-definite eigenproblem (itype 1: A x = lambda B x), divide and conquer. */
void dsygvd_(const int *itype, const char *jobz, const char *uplo, const int *n, double *a, const int *lda,
             double *b, const int *ldb, double *w, double *work, const int *lwork, int *iwork,
             const int *liwork, int *info, size_t jobz_len, size_t uplo_len);
/* Singular value decomposition A = U S V^T. */
void dgesvd_(const char *jobu, const char *jobvt, const int *m, const int *n, double *a, const int *lda,
             double *s, double *u, const int *ldu, double *vt, const int *ldvt, double *work,
             const int *lwork, int *info, size_t jobu_len, size_t jobvt_len);

/* ---- OpenBLAS threads ---- */

/* Threads OpenBLAS uses for the following calls (process-wide). */
void openblas_set_num_threads(int num_threads);
/* The current setting. */
int openblas_get_num_threads(void);
/* Processors OpenBLAS detected (the upper bound of the setting). */
int openblas_get_num_procs(void);
/* Stops OpenBLAS's worker threads (exported by OpenBLAS; its fork handler uses it). The next call that
   wants more than one thread starts them again. */
int blas_thread_shutdown_(void);
#endif
